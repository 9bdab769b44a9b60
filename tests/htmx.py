"""HTMX requests made with Django's test client, and what their answers look like.

`client.get(url, **HTMX)` is an htmx request; `client.get(url, **hx_target("board"))` is one
that swaps the element #board (htmx sends the id of its target in the HX-Target header).
"""

HTMX = {"HTTP_HX_REQUEST": "true"}


def hx_target(target: str) -> dict[str, str]:
    """The headers of an htmx request aimed at the element `target`, as client keywords."""
    return {**HTMX, "HTTP_HX_TARGET": target}


def assert_fragment(html: str) -> None:
    """The answer is a piece of a page, for htmx to swap in, not a whole page."""
    assert "<html" not in html


def assert_full_page(html: str) -> None:
    """The answer is a whole page, with the site around it."""
    assert "<html" in html

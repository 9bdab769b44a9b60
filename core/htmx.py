"""The one way a view answers both htmx and plain requests.

A page's fragments are `{% partialdef %}` blocks of its template; an htmx request gets only the
fragment it needs, named by a literal a reader can grep: element id = `hx-target` = partial name.
Because one URL then answers two ways, every such answer says so in `Vary`, so no cache hands a
fragment to a browser that asked for the page (django-htmx's docs, "Vary").
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

HTMX_HEADERS = ("HX-Request", "HX-Target")


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def varies_with_htmx(response: HttpResponse) -> HttpResponse:
    patch_vary_headers(response, HTMX_HEADERS)
    return response


def targeted(request: HtmxHttpRequest, *partials: str) -> str:
    """The one of `partials` that an htmx request aims at (by element id), or ""."""
    target = request.htmx.target if request.htmx else None
    return target if target in partials else ""


def render_htmx(
    request: HtmxHttpRequest,
    template: str,
    context: dict,
    *,
    partial: str = "",
    status: int = 200,
) -> HttpResponse:
    """The page `template`, or for an htmx request its partial `partial` ("name" of this
    template, or "other.html#name" of another). Without htmx the whole page is drawn, bound
    forms and their errors included, so every form works without JavaScript."""
    if partial and request.htmx:
        template = partial if "#" in partial else f"{template}#{partial}"
    return varies_with_htmx(render(request, template, context, status=status))


def redirect_after_post(request: HtmxHttpRequest, url: str) -> HttpResponse:
    # An htmx form swaps a fragment; after a success the whole page changes, so htmx navigates.
    response = HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    return varies_with_htmx(response)

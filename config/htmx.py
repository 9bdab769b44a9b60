"""Small helpers for views that answer both htmx and plain form posts."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def redirect_after_post(request: HtmxHttpRequest, url: str) -> HttpResponse:
    # An htmx form swaps a fragment; after a success the whole page changes, so htmx navigates.
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def render_page_or_partial(
    request: HtmxHttpRequest,
    template: str,
    context: dict,
    *,
    partials: tuple[str, ...] = (),
    status: int = 200,
) -> HttpResponse:
    """The page, or for an htmx request aimed at one of `partials` (by element id) only that
    partial: element id, hx-target and partial name are the same word."""
    target = request.htmx.target if request.htmx else None
    if target in partials:
        template = f"{template}#{target}"
    return render(request, template, context, status=status)

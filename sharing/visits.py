"""What every page of a share link does before drawing: find the link, refuse a visitor past
the rate limit, record the visit, and keep the page out of search engines and other sites'
frames (unless `?embed=1` asks to be framed)."""

from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render

from sharing import throttle
from sharing.models import ShareLink, token_hash

ROBOTS = "noindex, nofollow, noarchive"


def shared_page(view):
    """Decorates `view(request, link, ...)`, called with the usable link of the URL's token."""

    @wraps(view)
    def wrapper(request, token: str, *args, **kwargs):
        address = throttle.client_address(request)
        if throttle.hits("share-misses", address) >= throttle.MISSES_PER_ADDRESS:
            return _refused(request, "sharing/too_many.html", 429)
        link = ShareLink.objects.find(token)
        if link is None:
            throttle.hit("share-misses", address)
            return _refused(request, "sharing/gone.html", 404)
        visits = throttle.hit("share-visits", f"{token_hash(token)}:{address}")
        if visits > throttle.VISITS_PER_LINK_AND_ADDRESS:
            return _refused(request, "sharing/too_many.html", 429)
        link.record_use()
        request.share_token = token
        response = view(request, link, *args, **kwargs)
        return protect(request, response)

    return wrapper


def embedded(request) -> bool:
    return request.GET.get("embed") == "1"


def protect(request, response: HttpResponse) -> HttpResponse:
    """Not indexed; framed only by an embed, from the origins SHARE_FRAME_ANCESTORS allows.

    The one place that sets the frame policy of share pages: once django-csp is installed
    (branch `security`) this becomes its per-view decorators.
    """
    response["X-Robots-Tag"] = ROBOTS
    if embedded(request):
        # What django.views.decorators.clickjacking.xframe_options_exempt sets.
        response.xframe_options_exempt = True
        response["Content-Security-Policy"] = f"frame-ancestors {settings.SHARE_FRAME_ANCESTORS}"
    else:
        response["Content-Security-Policy"] = "frame-ancestors 'none'"
    return response


def _refused(request, template: str, status: int) -> HttpResponse:
    """A page in the visitor's language that says no more than that the link does not work."""
    response = render(request, template, {"robots": ROBOTS}, status=status)
    response["X-Robots-Tag"] = ROBOTS
    if status == 429:
        response["Retry-After"] = str(throttle.WINDOW_SECONDS)
    return response

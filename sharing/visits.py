"""What every page of a share link does before drawing: find the link, refuse a visitor past
the rate limit, record the visit, and keep the page out of search engines and other sites'
frames (unless `?embed=1` asks to be framed).

Visits are counted by core's throttle (PostgreSQL, so the limits hold across app servers): per
link and address, and, per address, the tokens that matched no usable link. A guesser is
answered 429 instead of 404 once past the limit: a 43-character token cannot be found by
trying, and a mistyped link is not held back.
"""

from functools import wraps

from csp.decorators import csp_replace
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render

from core import throttle
from sharing.models import ShareLink, token_hash

ROBOTS = "noindex, nofollow, noarchive"
# A presenter clicking through a 20-stage journey twice stays well under it; a script does not.
VISITS = throttle.Rate("share-visits", 120, 60)  # per link and address
MISSES = throttle.Rate("share-misses", 30, 60)  # per address


def shared_page(view):
    """Decorates `view(request, link, ...)`, called with the usable link of the URL's token."""

    @wraps(view)
    def wrapper(request, token: str, *args, **kwargs):
        address = throttle.client_address(request)
        link = ShareLink.objects.find(token)
        if link is None:
            too_many = not throttle.allows(MISSES, address)
            return _refused(request, *(TOO_MANY if too_many else GONE))
        if not throttle.allows(VISITS, f"{token_hash(token)[:32]}:{address}"):
            return _refused(request, *TOO_MANY)
        link.record_use()
        request.share_token = token
        response = view(request, link, *args, **kwargs)
        return protect(request, response)

    return wrapper


GONE = ("sharing/gone.html", 404)
TOO_MANY = ("sharing/too_many.html", 429)


def embedded(request) -> bool:
    return request.GET.get("embed") == "1"


def protect(request, response: HttpResponse) -> HttpResponse:
    """Not indexed; framed only by an embed, from the origins SHARE_FRAME_ANCESTORS allows.

    Every other page keeps the site's policy (`frame-ancestors 'none'`, X-Frame-Options DENY).
    """
    response["X-Robots-Tag"] = ROBOTS
    if not embedded(request):
        return response
    # What django.views.decorators.clickjacking.xframe_options_exempt sets.
    response.xframe_options_exempt = True
    # django-csp's per-view decorator, applied here because only `?embed=1` may be framed.
    ancestors = {"frame-ancestors": settings.SHARE_FRAME_ANCESTORS.split()}
    return csp_replace(ancestors)(lambda: response)()


def _refused(request, template: str, status: int) -> HttpResponse:
    """A page in the visitor's language that says no more than that the link does not work."""
    response = render(request, template, {"robots": ROBOTS}, status=status)
    response["X-Robots-Tag"] = ROBOTS
    if status == 429:
        response["Retry-After"] = str(VISITS.seconds)
    return response

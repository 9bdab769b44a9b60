"""What a locked-out login attempt gets (django-axes' AXES_LOCKOUT_CALLABLE): the same answer
as any other throttled request, with the time left before the next try."""

from axes.helpers import get_cool_off

from core.refusals import refusal_response
from core.throttle import Throttled


def locked_out(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    return refusal_response(request, Throttled(int(cool_off.total_seconds())))


def username_of(request, credentials=None) -> str | None:
    """The account a login attempt names (AXES_USERNAME_CALLABLE): the e-mail address as typed
    in the login form's `username` field, in one case, so "Ann@x" and "ann@x" count together."""
    source = credentials if credentials is not None else request.POST
    username = (source or {}).get("username")
    return username.strip().casefold() if isinstance(username, str) else None

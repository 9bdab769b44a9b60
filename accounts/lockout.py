"""What a locked-out login attempt gets (django-axes' AXES_LOCKOUT_CALLABLE): the same answer
as any other throttled request, with the time left before the next try."""

from axes.helpers import get_cool_off

from core.refusals import refusal_response
from core.throttle import Throttled


def locked_out(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    return refusal_response(request, Throttled(int(cool_off.total_seconds())))

"""Rate limits that hold across every app server with PostgreSQL alone (no Redis).

Each limit counts hits in windows of its length: one row of `core.ThrottleWindow` per scope,
client and window, incremented by one atomic `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`,
so two app servers counting the same client at the same moment both see the true count. (Django's
DatabaseCache would share the table too, but its `incr` reads then writes: concurrent hits
could count once.) Logins are counted by django-axes; this module covers the rest.
"""

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import wraps

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.models import ThrottleWindow
from core.refusals import Refused


@dataclass(frozen=True)
class Rate:
    scope: str
    limit: int  # hits allowed per window
    seconds: int  # the window


# Per client address unless said otherwise.
PASSWORD_RESET = Rate("password-reset", 10, 3600)
PASSWORD_RESET_MAILS = Rate("password-reset-mail", 3, 3600)  # per e-mail address
SIGNUP = Rate("signup", 10, 3600)
INVITATION = Rate("invitation", 30, 3600)  # per inviting user
COMMENT = Rate("comment", 30, 60)  # per user


class Throttled(Refused):
    status = 429

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after

    @property
    def message(self) -> str:
        minutes = -(-self.retry_after // 60)
        wait = (
            ngettext("%(count)d second", "%(count)d seconds", self.retry_after)
            % {"count": self.retry_after}
            if self.retry_after < 60
            else ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
        )
        return str(TOO_MANY % {"wait": wait})


TOO_MANY = _("Too many attempts in a short time. Please try again in %(wait)s.")

_UPSERT = f"""
    INSERT INTO {ThrottleWindow._meta.db_table} (key, hits, expires_at) VALUES (%s, 1, %s)
    ON CONFLICT (key) DO UPDATE SET hits = {ThrottleWindow._meta.db_table}.hits + 1
    RETURNING hits
"""


def hit(rate: Rate, who: object) -> None:
    """Count one hit of `who` (a user id, an address) against `rate`; raise Throttled with the
    wait once the limit is passed.

    The count slides: the previous window's hits weigh as much as that window still overlaps
    the last `rate.seconds`, so a burst across a window's edge gets no second allowance.
    """
    now = timezone.now().timestamp()
    start = int(now - now % rate.seconds)
    ends = start + rate.seconds
    key = f"{rate.scope}:{who}"[:180]
    expires = datetime.fromtimestamp(ends + rate.seconds, tz=UTC)
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT, [f"{key}:{start}", expires])
        hits = cursor.fetchone()[0]
    if hits <= rate.limit:
        before = ThrottleWindow.objects.filter(key=f"{key}:{start - rate.seconds}")
        previous = before.values_list("hits", flat=True).first() or 0
        hits += previous * (1 - (now - start) / rate.seconds)
    if random.random() < 0.01:  # now and then, forget the windows that are over
        ThrottleWindow.objects.filter(expires_at__lt=timezone.now()).delete()
    if hits > rate.limit:
        raise Throttled(max(round(ends - now), 1))


def allows(rate: Rate, who: object) -> bool:
    """Count one hit, and say whether it is within the limit (for silent limits)."""
    try:
        hit(rate, who)
    except Throttled:
        return False
    return True


def client_address(request) -> str:
    """The client's IP address: REMOTE_ADDR, or behind settings.PROXY_COUNT proxies the address
    the outermost one appended to X-Forwarded-For (what a client writes there itself is not
    trusted). django-axes uses it too (AXES_CLIENT_IP_CALLABLE)."""
    count = settings.PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if count and len(forwarded) >= count and forwarded[-count]:
        return forwarded[-count][:45]
    return request.META.get("REMOTE_ADDR", "")


def limit_posts(rate: Rate, *, per: str = "address"):
    """Decorate a view so each POST counts against `rate`, per client address or per user;
    beyond it the view is not run and the person is told when to retry (429)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                who = request.user.pk if per == "user" else client_address(request)
                hit(rate, who)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator

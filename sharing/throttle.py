"""How often share links may be visited: fixed windows counted in Django's cache.

Kept to this module so the database-backed throttle of core (branch `security`) can take its
place without touching the views. The cache is per process under `make run` (LocMemCache);
behind several app servers, configure a shared cache for the limits to hold across them.
"""

from django.core.cache import cache

WINDOW_SECONDS = 60
# Visits of one link from one address in a window: a presenter clicking through a 20-stage
# journey twice stays well under it; a script does not.
VISITS_PER_LINK_AND_ADDRESS = 120
# Tokens that match no usable link, tried from one address in a window: a guesser is stopped
# long before a 43-character token could be found, a mistyped link is not.
MISSES_PER_ADDRESS = 30


def _key(scope: str, key: str) -> str:
    return f"throttle:{scope}:{key}"


def hit(scope: str, key: str, window: int = WINDOW_SECONDS) -> int:
    """Count one hit of `key` in `scope`; the hits in the current window, this one included."""
    cache_key = _key(scope, key)
    if cache.add(cache_key, 1, timeout=window):
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add and incr: this hit opens a new window
        cache.add(cache_key, 1, timeout=window)
        return 1


def hits(scope: str, key: str) -> int:
    """The hits of `key` in the current window, without counting one more."""
    return cache.get(_key(scope, key), 0)


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"

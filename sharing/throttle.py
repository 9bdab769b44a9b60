"""How often a share link may be visited: a fixed window counted in Django's cache.

Kept to this one function so the database-backed throttle of core (branch `security`) can take
its place without touching the views. The cache is per process under `make run` (LocMemCache);
behind several app servers, configure a shared cache for the limits to hold across them.
"""

from django.core.cache import cache

WINDOW_SECONDS = 60
# Visits of one link from one address in a window: a presenter clicking through a 20-stage
# journey twice stays well under it; a script does not.
VISITS_PER_LINK_AND_ADDRESS = 120
# Tokens tried from one address in a window, whether they exist or not: a guesser is slowed.
TOKENS_PER_ADDRESS = 300


def allow(scope: str, key: str, limit: int, window: int = WINDOW_SECONDS) -> bool:
    """Count one hit of `key` in `scope`; False once it passes `limit` in the window."""
    cache_key = f"throttle:{scope}:{key}"
    if cache.add(cache_key, 1, timeout=window):
        return True
    try:
        return cache.incr(cache_key) <= limit
    except ValueError:  # expired between add and incr: this hit opens a new window
        cache.add(cache_key, 1, timeout=window)
        return True


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"

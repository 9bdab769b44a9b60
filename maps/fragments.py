"""Parts of the map drawn once per audience, not once per viewer.

A change to a card is shown to everyone who has the map open, and each must get the part drawn
for their role (a viewer never receives edit controls) and language. Everyone with the same
role and language gets the same HTML, so it is drawn once and kept under a key made of what it
shows: the part, the ids and versions of the rows drawn in it, the audience and the language.
A key names one state of the data, so an entry is never stale, only unused; the cache drops
it when full. Parts that hold a person's own data (a CSRF token, a form being filled) are
never kept.

The cache is Django's `fragments` cache (config/settings.py): memory of each app server
process by default, which is enough since the keys carry the versions; a shared backend would
draw each part once for all the servers instead of once per process.
"""

from collections.abc import Callable
from hashlib import blake2b

from django.core.cache import caches
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# An hour: a part unused that long is probably no longer the map's state.
TIMEOUT = 3600


def audience(can_edit: bool) -> str:
    return "edit" if can_edit else "read"


def _key(part: str, state: tuple, can_edit: bool) -> str:
    identity = repr((part, state, audience(can_edit), get_language()))
    return "fragment:" + blake2b(identity.encode(), digest_size=20).hexdigest()


def drawn_once(part: str, state: tuple, can_edit: bool, draw: Callable[[], str]) -> SafeString:
    """The HTML of `part` in `state` (ids and versions of what it shows) for the audience,
    drawn by `draw` only when no viewer of the same role and language had it drawn yet."""
    key = _key(part, state, can_edit)
    cache = caches["fragments"]
    html = cache.get(key)
    if html is None:
        html = str(draw())
        cache.set(key, html, TIMEOUT)
    return mark_safe(html)


def drawn_together(
    part: str, states: list[tuple], can_edit: bool, draw: Callable[[int], str]
) -> list[SafeString]:
    """The HTML of many `part`s at once (a grid's cells), kept under one key as well as each
    under its own (`draw(i)` draws the i-th through `drawn_once`, which a live push of one
    of them reads): asked of the cache one by one, a 64-cell grid cost 6 ms."""
    key = _key(part + "s", tuple(states), can_edit)
    cache = caches["fragments"]
    drawn = cache.get(key)
    if drawn is None:
        drawn = [str(draw(index)) for index in range(len(states))]
        cache.set(key, drawn, TIMEOUT)
    return [mark_safe(html) for html in drawn]

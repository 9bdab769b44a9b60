"""What an app server process prepares before its first request: the URL patterns (and with
them every view's module), the templates of the pages every teammate opens first, compiled
with those they extend and include, and the translations. Left to the first requests, it held
a new process for over half a second (the first login page: 568 ms, then 8) while the first
teammates of a load test logged in (docs/benchmarks.md)."""

from django.conf import settings
from django.template.loader import get_template
from django.template.loader_tags import ExtendsNode, IncludeNode
from django.urls import get_resolver
from django.utils import translation

# The pages a teammate opens first: logging in, the journeys, a map with a card's panel.
FIRST_PAGES = [
    "accounts/login.html",
    "journeys/list.html",
    "journeys/map.html",
    "journeys/curve.html",
    "evidence/panel.html",
    "touchpoints/card_panel.html",
]


def warm() -> None:
    list(get_resolver().url_patterns)  # imports every view's module
    compiled: set[str] = set()
    for name in FIRST_PAGES:
        _compile(name, compiled)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Journeys")


def _compile(name: str, compiled: set[str]) -> None:
    """The template and, as the cached loader keeps them, those it names by a constant
    ({% extends %}, {% include %}, a partial "page.html#part" by its page), which are
    otherwise compiled when first drawn."""
    if name in compiled:
        return
    compiled.add(name)
    template = get_template(name).template
    for node in template.nodelist.get_nodes_by_type((ExtendsNode, IncludeNode)):
        named = node.parent_name if isinstance(node, ExtendsNode) else node.template
        if isinstance(named.var, str):  # a quoted name, not a variable
            _compile(named.var.split("#")[0], compiled)

"""The cards and cells of the map, and a frictions badge, as HTML.

A map draws hundreds of cards in 64 cells. Through the template engine a card cost about
0.25 ms, half of the map page's time at 400 cards; with `format_html` a tenth of that, still a
third of the page, most of it in Django's lazy-aware escaping. So a `GridHtml` is made once per
response: what every card repeats (the language, the words, the URL of a card's panel) is
escaped once, and each card escapes only its own text, with the standard library's
`html.escape` (what `django.utils.html.escape` calls). A cell costs a few microseconds more than
its cards.

The markup is the map's: templates/journeys/map.html draws its cells and summary row with these
(`{% map_cell %}`, `{% frictions_badge %}`); the cell's "add a card" form stays a partial there.
"""

from functools import lru_cache
from html import escape
from urllib.parse import quote

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from core.templatetags.parcours import emotion_chip
from core.urls import ID
from evidence.models import figure_text
from maps.swimlanes import Cell, Frictions
from touchpoints.models import Touchpoint


def frictions_badge(frictions: Frictions) -> SafeString:
    """Unresolved frictions: count, and the worst severity as icon + word (never colour alone)."""
    count = ngettext("%(counter)s friction", "%(counter)s frictions", frictions.count) % {
        "counter": frictions.count
    }
    worst = gettext("worst:")  # outside the f-string, where makemessages sees it
    return mark_safe(
        f'<span class="badge badge--severity" data-severity="{escape(str(frictions.worst))}">'
        f'<span aria-hidden="true">{escape(frictions.icon)}</span> {escape(count)}'
        f'<span aria-hidden="true"> · </span><span class="visually-hidden">, '
        f"{escape(worst)} </span>{escape(frictions.worst.label)}</span>"
    )


def metric_chip(metric, labels: dict, language: str | None = None) -> SafeString:
    """A figure: its name and value, and against its target a word and an icon (never colour
    alone): "CSAT 3.4/5 · ✗ off target". Escaped by hand into one string: a map draws one per
    card, and format_html's per-argument escaping was most of their cost (bench/evidence.py).
    `language`, the active one, when the caller draws many and asked it once."""
    language = language or get_language()
    on_target = metric.on_target
    verdict, state = "", "none"
    if on_target is not None:
        state = "met" if on_target else "missed"
        target = figure_text(metric.target, metric.unit, language)
        verdict = (
            f'<span class="chip-verdict"><span aria-hidden="true"> · {"✓" if on_target else "✗"}'
            f"</span> {labels['on_target'] if on_target else labels['off_target']}"
            f'<span class="visually-hidden"> ({labels["target"]} {escape(target)})</span></span>'
        )
    value = figure_text(metric.value, metric.unit, language)
    return mark_safe(  # safe: every value is escaped above or here
        f'<span class="chip chip--metric" data-target="{state}"><span aria-hidden="true">📊'
        f"</span> {escape(str(metric.label))} <b>{escape(value)}</b>{verdict}</span>"
    )


@lru_cache(maxsize=512)
def _quote_chip(count: int, language: str | None) -> SafeString:
    words = ngettext("%(count)d quote", "%(count)d quotes", count) % {"count": count}
    return mark_safe(  # safe: a number and a translated word
        f'<span class="chip chip--quotes"><span aria-hidden="true">💬</span> {escape(words)}</span>'
    )


def quotes_chip(count: int) -> SafeString:
    """How many quotes: cached per count and language, as hundreds of cards repeat a few."""
    return _quote_chip(count, get_language())


def _evidence_chips(touchpoint: Touchpoint, labels: dict) -> str:
    metric = getattr(touchpoint, "key_metric", None)
    quotes = getattr(touchpoint, "quote_count", 0)
    if not (metric or quotes):
        return ""
    chips = (metric_chip(metric, labels) if metric else "") + (
        quotes_chip(quotes) if quotes else ""
    )
    return mark_safe(f'<p class="touchpoint-evidence">{chips}</p>')  # safe: the chips are escaped


class GridHtml:
    """The cards and cells of one map, for one response (one language, one role)."""

    def __init__(self, *, card_url: str, language: str, labels: dict, journey_url: str):
        """`card_url` is the URL template of a card's panel (core/urls.py); `labels` the words of
        maps.responses.map_context."""
        self.language = escape(language)
        head, tail = escape(card_url).split(ID)
        self.card_link = f'" hx-get="{head}'
        self.card_link_tail = f'{tail}" hx-target="#card_panel" hx-push-url="false">'
        self.owner_team = escape(labels["owner_team"])
        self.add_card = escape(labels["add_card"])
        self.add_card_in = gettext("Add card in %(channel)s, %(stage)s")
        self.journey_url = escape(journey_url)
        self.labels = labels
        self.badges: dict[Frictions, str] = {}

    def card(self, touchpoint: Touchpoint) -> str:
        """The card as the grid shows it; `touchpoint` comes from maps.swimlanes (with its
        `emotion_label` and `frictions_summary`)."""
        pk = touchpoint.pk
        language = self.language
        description = (
            f'<p class="touchpoint-description" lang="{language}">'
            f"{escape(touchpoint.description)}</p>"
            if touchpoint.description
            else ""
        )
        owner = (
            f'<p class="touchpoint-owner"><span class="visually-hidden">{self.owner_team} </span>'
            f'<span aria-hidden="true">👥</span> <span lang="{language}">'
            f"{escape(touchpoint.owner)}</span></p>"
            if touchpoint.owner
            else ""
        )
        emotion = emotion_chip(
            touchpoint.emotion, touchpoint.emotion_label, touchpoint.emotion_emoji
        )
        return (
            f'<li class="touchpoint" id="card-{pk}" data-id="{pk}" '
            f'data-version="{touchpoint.version}"><h3 class="touchpoint-title" lang="{language}">'
            f'<a href="?card={pk}{self.card_link}{pk}{self.card_link_tail}'
            f"{escape(touchpoint.title)}</a></h3>{description}"
            f'<p class="touchpoint-meta">{emotion}{self.badge(touchpoint.frictions_summary)}</p>'
            f"{_evidence_chips(touchpoint, self.labels)}{owner}</li>"
        )

    def badge(self, frictions: Frictions) -> str:
        if not frictions.count:
            return ""
        if frictions not in self.badges:
            self.badges[frictions] = frictions_badge(frictions)
        return self.badges[frictions]

    def cell(self, cell: Cell, *, oob: bool, add_link: bool, persona_key: str, form: str) -> str:
        """A cell: its cards, then the link asking for its "add a card" form (`add_link`, for
        editors), or the form itself (`form`, drawn by the map template)."""
        dom_id = cell.dom_id
        cards = "".join([self.card(touchpoint) for touchpoint in cell.touchpoints])
        tail = form
        if add_link and not form:
            label = self.add_card_in % {"channel": cell.channel.name, "stage": cell.stage.name}
            tail = (
                f'<a class="add-card" href="?persona={escape(quote(persona_key, safe="/"))}'
                f'&amp;add={dom_id}#{dom_id}" hx-get="{self.journey_url}?add={dom_id}" '
                f'hx-target="#{dom_id}" hx-swap="outerHTML" aria-label="{escape(label)}">'
                f'<span aria-hidden="true">+</span> {self.add_card}</a>'
            )
        swap = ' hx-swap-oob="true"' if oob else ""
        return mark_safe(
            f'<td class="cell" id="{dom_id}"{swap}>\n'
            f'    <ul class="cards" role="list" data-stage="{cell.stage.pk}" '
            f'data-channel="{cell.channel.pk}">\n      {cards}\n    </ul>\n    {tail}\n  </td>'
        )

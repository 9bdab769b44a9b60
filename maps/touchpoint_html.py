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

from html import escape
from urllib.parse import quote

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from core.urls import ID
from maps.swimlanes import Cell, Frictions
from touchpoints.models import Touchpoint


def frictions_badge(frictions: Frictions) -> SafeString:
    """Unresolved frictions: count, and the worst severity as icon + word (never colour alone)."""
    count = ngettext("%(counter)s friction", "%(counter)s frictions", frictions.count) % {
        "counter": frictions.count
    }
    return mark_safe(
        f'<span class="badge badge--severity" data-severity="{escape(str(frictions.worst))}">'
        f'<span aria-hidden="true">{escape(frictions.icon)}</span> {escape(count)}'
        f'<span aria-hidden="true"> · </span><span class="visually-hidden">, '
        f"{escape(gettext('worst:'))} </span>{escape(frictions.worst.label)}</span>"
    )


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
        return (
            f'<li class="touchpoint" id="card-{pk}" data-id="{pk}" '
            f'data-version="{touchpoint.version}"><h3 class="touchpoint-title" lang="{language}">'
            f'<a href="?card={pk}{self.card_link}{pk}{self.card_link_tail}'
            f"{escape(touchpoint.title)}</a></h3>{description}"
            f'<p class="touchpoint-meta"><span class="chip chip--emotion" '
            f'data-emotion="{touchpoint.emotion}"><span aria-hidden="true">'
            f"{touchpoint.emotion_emoji}</span> {escape(touchpoint.emotion_label)}</span>"
            f"{self.badge(touchpoint.frictions_summary)}</p>{owner}</li>"
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

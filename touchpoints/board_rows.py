"""The friction board's rows as HTML.

A page shows 50 rows; through the template engine each cost about a millisecond (a third of
the page's time with 2 000 notes), built with `format_html` a tenth of that, as the map's cards
(maps/cards.py). The markup is the board's: templates/touchpoints/board.html draws the rest.
"""

from django.contrib.humanize.templatetags.humanize import naturaltime
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext, pgettext

from touchpoints.models import SEVERITY_ICON, FrictionNote, Severity, Status

NOBODY = mark_safe('<span class="muted">—</span>')
NO_COMMENT = mark_safe('<span class="muted">0</span>')


def _labels() -> dict:
    """What every row says the same way, translated once per page."""
    return {
        "mentioned": format_html(
            '<span class="chip chip--mention" title="{}"><span aria-hidden="true">@</span> {}'
            "</span>",
            gettext("You are mentioned in its thread"),
            pgettext("mentioned", "you"),
        ),
        "card": gettext("Card:"),
        # Choice labels looked up once: `get_severity_display` per row costs more than the row.
        "severity": {value: str(label) for value, label in Severity.choices},
        "status": {value: str(label) for value, label in Status.choices},
        "by": gettext("by %(name)s"),
        # Stacked as cards on narrow screens (no column headers), these cells say what they are.
        "owner": gettext("Owner team"),
        "comments": gettext("Comments"),
    }


def _row(note: FrictionNote, labels: dict) -> SafeString:
    touchpoint, place = note.touchpoint, note.place
    created = localtime(note.created_at)
    description = (
        format_html('<p class="board-description">{}</p>', Truncator(note.description).chars(110))
        if note.description
        else ""
    )
    owner = (
        format_html('<span lang="{}">{}</span>', place.language, touchpoint.owner)
        if touchpoint.owner
        else NOBODY
    )
    comments = (
        format_html('<span aria-hidden="true">💬 </span>{}', note.comment_count)
        if note.comment_count
        else NO_COMMENT
    )
    author = (
        format_html(
            '<span class="board-sub">{}</span>',
            labels["by"] % {"name": note.author.display_name},
        )
        if note.author
        else ""
    )
    return format_html(
        "<tr>"
        '<td><span class="badge" data-severity="{}"><span aria-hidden="true">{}</span> {}</span>'
        "</td>"
        '<td><span class="status" data-status="{}"><span class="status-dot" aria-hidden="true">'
        "</span>{}</span></td>"
        '<td class="board-title" lang="{}"><a href="{}">{}</a>{}{}</td>'
        '<td lang="{}"><span class="board-journey">{}</span>'
        '<span class="board-sub">{}</span></td>'
        '<td lang="{}"><span class="board-where">{} <span aria-hidden="true">·</span> {}</span>'
        '<span class="board-sub"><span class="visually-hidden">{} </span>{}</span></td>'
        '<td class="board-owner" data-label="{}">{}</td>'
        '<td class="numeric board-comments" data-label="{}">{}</td>'
        '<td class="board-age"><time datetime="{}" title="{}">{}</time>{}</td>'
        "</tr>",
        note.severity,
        SEVERITY_ICON[note.severity],
        labels["severity"][note.severity],
        note.status,
        labels["status"][note.status],
        place.language,
        place.card_url,
        note.title,
        labels["mentioned"] if note.mentions_me else "",
        description,
        place.language,
        place.journey,
        place.persona,
        place.language,
        place.stage,
        place.channel,
        labels["card"],
        touchpoint.title,
        labels["owner"],
        owner,
        labels["comments"],
        comments,
        created.isoformat(),
        date_format(created, "DATETIME_FORMAT"),
        naturaltime(note.created_at),
        author,
    )


def board_rows(notes) -> SafeString:
    labels = _labels()
    return format_html_join("", "{}", ((_row(note, labels),) for note in notes))

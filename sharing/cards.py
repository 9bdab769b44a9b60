"""A card of the map as a visitor sees it: the map's markup (maps/touchpoint_html.py) without
the link to the card's panel, which is a workspace page. Built in Python for the same reason."""

from django.utils.html import format_html

from maps.touchpoint_html import frictions_badge


def readonly_card(touchpoint, language: str, owner_label: str) -> str:
    """`touchpoint` comes from maps.swimlanes (with `emotion_label`, `frictions_summary`)."""
    description = (
        format_html(
            '<p class="touchpoint-description" lang="{}">{}</p>', language, touchpoint.description
        )
        if touchpoint.description
        else ""
    )
    owner = (
        format_html(
            '<p class="touchpoint-owner"><span class="visually-hidden">{} </span>'
            '<span aria-hidden="true">👥</span> <span lang="{}">{}</span></p>',
            owner_label,
            language,
            touchpoint.owner,
        )
        if touchpoint.owner
        else ""
    )
    frictions = touchpoint.frictions_summary
    return format_html(
        '<li class="touchpoint" id="card-{}"><h3 class="touchpoint-title" lang="{}">{}</h3>{}'
        '<p class="touchpoint-meta"><span class="chip chip--emotion" data-emotion="{}">'
        '<span aria-hidden="true">{}</span> {}</span>{}</p>{}</li>',
        touchpoint.pk,
        language,
        touchpoint.title,
        description,
        touchpoint.emotion,
        touchpoint.emotion_emoji,
        touchpoint.emotion_label,
        frictions_badge(frictions) if frictions.count else "",
        owner,
    )

"""A touchpoint card of the map, and a frictions badge, as HTML.

A map draws hundreds of cards. Through the template engine each cost about 0.25 ms, half of the
map page's time at 400 cards; built with `format_html` the same markup costs a tenth of that.
The markup is the map's: templates/journeys/map.html draws its cells and summary row with these.
"""

from functools import lru_cache

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from core.urls import fill
from maps.swimlanes import Frictions
from touchpoints.models import Touchpoint


def frictions_badge(frictions: Frictions) -> SafeString:
    """Unresolved frictions: count, and the worst severity as icon + word (never colour alone)."""
    count = ngettext("%(counter)s friction", "%(counter)s frictions", frictions.count) % {
        "counter": frictions.count
    }
    return format_html(
        '<span class="badge badge--severity" data-severity="{}">'
        '<span aria-hidden="true">{}</span> {}<span aria-hidden="true"> · </span>'
        '<span class="visually-hidden">, {} </span>{}</span>',
        frictions.worst,
        frictions.icon,
        count,
        gettext("worst:"),
        frictions.worst.label,
    )


def metric_chip(metric, labels: dict) -> SafeString:
    """A figure: its name and value, and against its target a word and an icon (never colour
    alone): "CSAT 3.4/5 · ✗ off target". Escaped by hand into one string: a map draws one per
    card, and format_html's per-argument escaping was most of their cost (bench/evidence.py)."""
    on_target = metric.on_target
    verdict, state = "", "none"
    if on_target is not None:
        state = "met" if on_target else "missed"
        verdict = (
            f'<span class="chip-verdict"><span aria-hidden="true"> · {"✓" if on_target else "✗"}'
            f"</span> {labels['on_target'] if on_target else labels['off_target']}"
            f'<span class="visually-hidden"> ({labels["target"]} {escape(metric.display_target)})'
            "</span></span>"
        )
    return mark_safe(  # safe: every value is escaped above or here
        f'<span class="chip chip--metric" data-target="{state}"><span aria-hidden="true">📊'
        f"</span> {escape(metric.label)} <b>{escape(metric.display_value)}</b>{verdict}</span>"
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


def touchpoint_card(touchpoint: Touchpoint, card_url: str, language: str, labels: dict) -> str:
    """The card as the grid shows it; `touchpoint` comes from maps.swimlanes (with its
    `emotion_label` and `frictions_summary`); `card_url` is the URL template of a card's panel
    (core/urls.py)."""
    pk = touchpoint.pk
    description = (
        format_html(
            '<p class="touchpoint-description" lang="{}">{}</p>', language, touchpoint.description
        )
        if touchpoint.description
        else ""
    )
    frictions = touchpoint.frictions_summary
    owner = (
        format_html(
            '<p class="touchpoint-owner"><span class="visually-hidden">{} </span>'
            '<span aria-hidden="true">👥</span> <span lang="{}">{}</span></p>',
            labels["owner_team"],
            language,
            touchpoint.owner,
        )
        if touchpoint.owner
        else ""
    )
    return format_html(
        '<li class="touchpoint" id="card-{}" data-id="{}" data-version="{}">'
        '<h3 class="touchpoint-title" lang="{}"><a href="?card={}" hx-get="{}" '
        'hx-target="#card_panel" hx-push-url="false">{}</a></h3>{}'
        '<p class="touchpoint-meta"><span class="chip chip--emotion" data-emotion="{}">'
        '<span aria-hidden="true">{}</span> {}</span>{}</p>{}{}</li>',
        pk,
        pk,
        touchpoint.version,
        language,
        pk,
        fill(card_url, pk),
        touchpoint.title,
        description,
        touchpoint.emotion,
        touchpoint.emotion_emoji,
        touchpoint.emotion_label,
        frictions_badge(frictions) if frictions.count else "",
        _evidence_chips(touchpoint, labels),
        owner,
    )

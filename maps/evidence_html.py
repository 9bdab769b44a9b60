"""The evidence listed under the map, as HTML built in Python like the cards
(maps/touchpoint_html.py): a hundred rows through the template engine cost a fifth of the map
page's time (bench/evidence.py)."""

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from evidence.models import Sentiment
from touchpoints.models import EMOTION_EMOJI


def _card_link(persona_key: str, card_id: int, title: str) -> SafeString:
    query = urlencode({"persona": persona_key, "card": card_id})
    return format_html('<a href="?{}">{}</a>', query, title)


def target_word(metric, words: dict) -> SafeString:
    if metric.on_target is None:
        return SafeString("")
    met = metric.on_target
    return format_html(
        '<span class="target-word" data-target="{}"><span aria-hidden="true">{}</span> {}</span>',
        "met" if met else "missed",
        "✓" if met else "✗",
        words["on_target"] if met else words["off_target"],
    )


def metric_rows(rows, persona_key: str, language: str, words: dict) -> SafeString:
    """`rows`: (stage evidence, figure) pairs, maps.evidence_map.MapEvidence.listed_metrics."""
    return format_html_join(
        "",
        '<tr><td lang="{}">{}</td><td lang="{}">{}</td><td>{}</td><td><b>{}</b></td>'
        "<td>{} {}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                language,
                stage.stage.name,
                language,
                _card_link(persona_key, metric.touchpoint_id, metric.card_title)
                if metric.touchpoint_id
                else "—",
                metric.label,
                metric.display_value,
                metric.display_target,
                target_word(metric, words),
                metric.period,
                metric.source,
            )
            for stage, metric in rows
        ),
    )


def sentiment_chip(quote) -> SafeString:
    if quote.sentiment is None:
        return format_html(
            '<span class="chip chip--sentiment"><span aria-hidden="true">?</span> {}</span>',
            gettext("Sentiment unknown"),
        )
    return format_html(
        '<span class="chip chip--emotion" data-emotion="{}">'
        '<span aria-hidden="true">{}</span> {}</span>',
        quote.sentiment,
        EMOTION_EMOJI[quote.sentiment],
        Sentiment(quote.sentiment).label,
    )


def quote_items(quotes, persona_key: str, language: str) -> SafeString:
    def where(quote):
        if quote.touchpoint_id:
            return _card_link(persona_key, quote.touchpoint_id, quote.touchpoint.title)
        return quote.stage.name

    def when(quote):
        if not quote.date:
            return ""
        return format_html(
            '<time datetime="{}">{}</time>',
            quote.date.isoformat(),
            date_format(quote.date, "SHORT_DATE_FORMAT"),
        )

    return format_html_join(
        "",
        '<li class="quote"><blockquote lang="{}"><p>{}</p></blockquote>'
        '<p class="quote-meta">{}<span lang="{}">{}</span><span>{}</span>{}</p></li>',
        (
            (
                language,
                quote.text,
                sentiment_chip(quote),
                language,
                where(quote),
                quote.source,
                when(quote),
            )
            for quote in quotes
        ),
    )

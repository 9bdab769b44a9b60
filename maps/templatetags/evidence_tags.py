"""Evidence on the map, built in Python like the cards (maps/touchpoint_html.py):
`{% load evidence_tags %}`."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from evidence.models import Metric, Verbatim, format_number
from maps import evidence_html, touchpoint_html
from maps.evidence_map import FunnelStep

register = template.Library()


@register.simple_tag(takes_context=True)
def metric_chip(context, metric: Metric) -> str:
    return touchpoint_html.metric_chip(metric, context["labels"])


@register.simple_tag
def quotes_chip(count: int) -> str:
    return touchpoint_html.quotes_chip(count)


@register.simple_tag(takes_context=True)
def target_word(context, metric) -> str:
    """Against the target: an icon and a word, never colour alone."""
    return evidence_html.target_word(metric, context["labels"])


@register.simple_tag
def sentiment_chip(quote: Verbatim) -> str:
    return evidence_html.sentiment_chip(quote)


@register.simple_tag(takes_context=True)
def evidence_metric_rows(context, evidence) -> str:
    return evidence_html.metric_rows(
        evidence.listed_metrics,
        context["persona_key"],
        context["journey"].language,
        context["labels"],
    )


@register.simple_tag(takes_context=True)
def evidence_quote_items(context, evidence) -> str:
    return evidence_html.quote_items(
        evidence.newest_quotes, context["persona_key"], context["journey"].language
    )


def _percent(value: float) -> str:
    return f"{format_number(value)}\u00a0%"


@register.simple_tag
def funnel_step(step: FunnelStep | None) -> str:
    """The stage's place in the funnel: a bar as wide as the share of customers still there,
    with that share and the drop-off past the stage written out."""
    if step is None:
        return ""
    going = (
        format_html(
            '<span class="funnel-drop"><span aria-hidden="true">↘</span> {}</span>',
            gettext("%(share)s drop off") % {"share": _percent(step.drop_off)},
        )
        if step.going_on is not None
        else format_html(
            '<span class="funnel-drop muted">{}</span>', gettext("drop-off not measured")
        )
    )
    return format_html(
        '<div class="funnel" style="--reach: {}%"><span class="funnel-bar" aria-hidden="true">'
        '</span><span class="funnel-text">{}</span>{}</div>',
        step.width,
        gettext("%(share)s still here") % {"share": _percent(step.reach_percent)},
        going,
    )

"""Evidence on the map, built in Python like the cards (maps/touchpoint_html.py):
`{% load evidence_tags %}`."""

from django import template

from evidence.models import Metric, Verbatim
from maps import evidence_html, touchpoint_html

register = template.Library()


@register.simple_tag(takes_context=True)
def metric_chip(context, metric: Metric) -> str:
    return touchpoint_html.metric_chip(metric, context["labels"])


@register.simple_tag(takes_context=True)
def target_word(context, metric) -> str:
    """Against the target: an icon and a word, never colour alone."""
    return evidence_html.target_word(metric, context["labels"])


@register.simple_tag
def sentiment_chip(quote: Verbatim) -> str:
    return evidence_html.sentiment_chip(quote)


@register.simple_tag(takes_context=True)
def evidence_metrics_row(context, evidence) -> str:
    return evidence_html.EvidenceHtml(context).metrics_row(evidence)


@register.simple_tag(takes_context=True)
def evidence_metric_rows(context, evidence) -> str:
    return evidence_html.EvidenceHtml(context).metric_rows(evidence.listed_metrics)


@register.simple_tag(takes_context=True)
def evidence_quote_items(context, evidence) -> str:
    return evidence_html.EvidenceHtml(context).quote_items(evidence.newest_quotes)

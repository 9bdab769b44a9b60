"""Evidence on the map, built in Python like the cards (maps/touchpoint_html.py):
`{% load evidence_tags %}`."""

from django import template

from evidence.models import Metric, Verbatim
from maps import evidence_html, touchpoint_html
from maps.fragments import drawn_once

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


def _drawn_once(context, evidence, part: str, draw) -> str:
    """The part drawn once for every viewer of the same role and language while the evidence's
    state is the same (maps/fragments.py): with 2,000 metrics and 2,000 quotes the Metrics row
    and the lists cost 3 ms of a map page (bench/evidence.py). Drawn each time when that state
    is not kept (maps/evidence_map.py)."""
    if evidence.state is None:
        return draw()
    journey = context["journey"]
    # What the parts show besides the evidence: links to the persona's cards and stages, and
    # the journey's language.
    state = (evidence.state, context["persona_key"], context["workspace"].slug, journey.language)
    return drawn_once(part, state, context["can_edit"], draw)


@register.simple_tag(takes_context=True)
def evidence_metrics_row(context, evidence) -> str:
    return _drawn_once(
        context,
        evidence,
        "metrics-row",
        lambda: evidence_html.EvidenceHtml(context).metrics_row(evidence),
    )


@register.simple_tag(takes_context=True)
def evidence_metric_rows(context, evidence) -> str:
    return _drawn_once(
        context,
        evidence,
        "listed-metrics",
        lambda: evidence_html.EvidenceHtml(context).metric_rows(evidence.listed_metrics),
    )


@register.simple_tag(takes_context=True)
def evidence_quote_items(context, evidence) -> str:
    return _drawn_once(
        context,
        evidence,
        "listed-quotes",
        lambda: evidence_html.EvidenceHtml(context).quote_items(evidence.newest_quotes),
    )

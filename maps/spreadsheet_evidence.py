"""The evidence columns of the CSV export (maps/spreadsheet.py): each metric and quote on a line
of its cell, as a person reads them."""

from collections import defaultdict

from django.utils.translation import gettext as _

from evidence.models import Metric, Verbatim


def evidence_by_target(journey) -> tuple[dict, dict]:
    """("card", id) or ("stage", id) → its metrics and quotes: two queries."""
    metrics, quotes = defaultdict(list), defaultdict(list)
    for metric in Metric.objects.filter(journey=journey).order_by("period_end", "pk"):
        metrics[_target(metric)].append(metric)
    for quote in Verbatim.objects.filter(journey=journey):
        quotes[_target(quote)].append(quote)
    return metrics, quotes


def _target(item) -> tuple[str, int]:
    return ("card", item.touchpoint_id) if item.touchpoint_id else ("stage", item.stage_id)


def metric_line(metric: Metric) -> str:
    line = f"{metric.label}: {metric.display_value} ({metric.period}"
    if metric.source:
        line += f", {metric.source}"
    if metric.target is not None:
        verdict = _("on target") if metric.on_target else _("off target")
        line += f"; {_('target')} {metric.display_target}, {verdict}"
    return line + ")"


def quote_line(quote: Verbatim) -> str:
    text = " ".join(quote.text.split())
    return quote.citation().replace(quote.text, text)

"""Putting what customers measured on the emotion scale (−2…+2), to draw it beside the
emotions a team designed; and reading funnels out of conversion and drop-off rates.

The rules are simple and said in the curve's legend, so a reader can check a point by hand:
a CSAT of 1…N (N from its unit "/5", "/10"; a percentage for "%") runs from −2 to +2; an NPS
(−100…+100) is divided by 50; a CES of 1…N (7 unless its unit says), where low is good, runs
from +2 down to −2; without any of them, the stage's quotes' average sentiment is used as is.
"""

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

from evidence.models import Metric, MetricKind

SCALE = re.compile(r"/\s*(\d+)")
# A disagreement: the designed and the measured emotion more than one step apart.
DISAGREEMENT = 1.0
SCORES = (MetricKind.CSAT, MetricKind.NPS, MetricKind.CES)


def _top(metric: Metric, default: int) -> float:
    match = SCALE.search(metric.unit)
    return float(match[1]) if match else default


def _clamped(value: float) -> float:
    return round(max(-2.0, min(2.0, value)), 2)


def on_emotion_scale(metric: Metric) -> float:
    if metric.kind == MetricKind.NPS:
        return _clamped(metric.value / 50)
    if "%" in metric.unit:
        share = metric.value / 100
    else:
        top = _top(metric, 7 if metric.kind == MetricKind.CES else 5)
        share = (metric.value - 1) / (top - 1) if top > 1 else 0
    if metric.kind == MetricKind.CES:
        share = 1 - share
    return _clamped(-2 + 4 * share)


def measured_score(metrics: Iterable[Metric]) -> Metric | None:
    """The stage's latest CSAT, else NPS, else CES: the figure its measured point stands for."""
    by_kind = {}
    for metric in metrics:  # in period order: the latest of a kind stays
        if metric.kind in SCORES:
            by_kind[metric.kind] = metric
    return next((by_kind[kind] for kind in SCORES if kind in by_kind), None)


def legend() -> str:
    return _(
        "Measured: CSAT 1–5 → −2…+2, NPS ÷ 50, CES 1–7 reversed; "
        "otherwise the quotes’ average sentiment"
    )


def going_on(metrics: Iterable[Metric]) -> float | None:
    """The share of customers who go on past a stage (0…1), from its conversion rate, or its
    drop-off rate; None when the stage has neither. Rates are percentages."""
    rates = {
        m.kind: m.value for m in metrics if m.kind in (MetricKind.CONVERSION, MetricKind.DROP_OFF)
    }
    if MetricKind.CONVERSION in rates:
        return max(0.0, min(1.0, rates[MetricKind.CONVERSION] / 100))
    if MetricKind.DROP_OFF in rates:
        return max(0.0, min(1.0, 1 - rates[MetricKind.DROP_OFF] / 100))
    return None

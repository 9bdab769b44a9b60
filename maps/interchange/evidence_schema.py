"""The evidence of a journey file: optional `metrics` and `verbatims` lists, after `frictions`.

    "metrics":   [{"stage": stage key|null, "touchpoint": touchpoint key|null,
                   "persona": persona key|null, "kind": "nps|csat|ces|conversion|drop_off|
                   volume|duration|custom", "name": str, "value": number, "unit": str,
                   "period": "2026-07"|"2026-Q3"|"2026-07-01/2026-09-30",
                   "target": number|null, "source": str}]
    "verbatims": [{"stage": …, "touchpoint": …, "persona": …, "text": str,
                   "date": "YYYY-MM-DD"|null, "sentiment": -2..2|null, "segment": str,
                   "source": str}]

Each sits on a stage or on a touchpoint: exactly one of the two is a key, the other null.
"""

import math
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from core import limits
from evidence.models import Metric, MetricKind, Verbatim
from evidence.periods import parse_period
from maps.interchange.problems import Validation
from maps.interchange.problems import show as shown
from maps.interchange.schema import DOCUMENT, Choice, Integer, Link, ListOf, Record, Text


def max_length_of(model, field: str) -> int:
    return model._meta.get_field(field).max_length


class Nullable:
    def __init__(self, field: Any) -> None:
        self.field = field

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        return None if value is None else self.field.clean(value, path, validation)


class Number:
    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            validation.wrong_type(path, _("a number"), value)
        return value


class Day:
    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if value is None:
            return None
        if isinstance(value, str) and len(value) == 10:
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        problem = _("%(value)s is not a date such as 2026-09-14")
        validation.add(path, problem % {"value": shown(value)})
        return value


class PeriodText:
    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        period = parse_period(value) if isinstance(value, str) else None
        if period is None or period.label != value:
            validation.add(
                path,
                _("%(value)s is not a period such as 2026-07, 2026-Q3 or 2026-07-01/2026-09-30")
                % {"value": shown(value)},
            )
            return value
        return period


class OnStageOrTouchpoint(Record):
    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        cleaned = super().clean(value, path, validation)
        if isinstance(value, dict) and (value.get("stage") is None) == (
            value.get("touchpoint") is None
        ):
            validation.add(path, _("needs either a stage or a touchpoint, not both"))
        return cleaned


TARGET = {
    "stage": Nullable(Link("stage")),
    "touchpoint": Nullable(Link("touchpoint")),
    "persona": Nullable(Link("persona")),
}
METRIC = OnStageOrTouchpoint(
    {
        **TARGET,
        "kind": Choice(MetricKind),
        "name": Text(max_length_of(Metric, "name")),
        "value": Number(),
        "unit": Text(max_length_of(Metric, "unit")),
        "period": PeriodText(),
        "target": Nullable(Number()),
        "source": Text(max_length_of(Metric, "source")),
    }
)
VERBATIM = OnStageOrTouchpoint(
    {
        **TARGET,
        "text": Text(limits.DESCRIPTION_MAX_LENGTH, required=True),
        "date": Day(),
        "sentiment": Integer(-2, 2, nullable=True),
        "segment": Text(max_length_of(Verbatim, "segment")),
        "source": Text(max_length_of(Verbatim, "source")),
    }
)
# As many as ten years of monthly figures on every card of a full journey would be absurd;
# this bounds a file the way the other lists are bounded.
EVIDENCE_MAX_ITEMS = 50_000
EVIDENCE = {
    "metrics": ListOf(METRIC, max_items=EVIDENCE_MAX_ITEMS),
    "verbatims": ListOf(VERBATIM, max_items=EVIDENCE_MAX_ITEMS),
}
# The whole file: v1's fields, then the optional evidence lists.
JOURNEY_FILE = Record(DOCUMENT.fields, optional={**DOCUMENT.optional, **EVIDENCE})

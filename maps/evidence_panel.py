"""What the panel of a card or of a stage shows of its evidence: each figure's trend and table,
and the quotes, newest first, filtered by sentiment. Two queries: the metrics, the quotes, and the
notes that cite them."""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch, Q
from django.utils.translation import pgettext

from evidence.models import Metric, Sentiment, Verbatim
from journeys.models import Journey
from maps.trend_figure import trend_figure
from touchpoints.models import FrictionNote

# The value of `?sentiment=` for quotes without a sentiment.
UNKNOWN = "unknown"


@dataclass
class Series:
    label: str
    metrics: list[Metric] = field(default_factory=list)

    @property
    def latest(self) -> Metric:
        return self.metrics[-1]

    @property
    def figure(self) -> dict | None:
        return trend_figure(self) if len(self.metrics) > 1 else None


@dataclass
class SentimentChoice:
    value: str
    label: str
    count: int
    chosen: bool


@dataclass
class PanelEvidence:
    metrics: list[Metric]
    all_quotes: list[Verbatim]
    sentiment: str = ""

    @cached_property
    def series(self) -> list[Series]:
        by_key: dict[tuple, Series] = {}
        for metric in self.metrics:
            by_key.setdefault(metric.series_key, Series(metric.label)).metrics.append(metric)
        return list(by_key.values())

    @cached_property
    def quotes(self) -> list[Verbatim]:
        if not self.sentiment:
            return self.all_quotes
        wanted = None if self.sentiment == UNKNOWN else int(self.sentiment)
        return [quote for quote in self.all_quotes if quote.sentiment == wanted]

    @property
    def sentiment_choices(self) -> list[SentimentChoice]:
        counts: dict[str, int] = {}
        for quote in self.all_quotes:
            key = UNKNOWN if quote.sentiment is None else str(quote.sentiment)
            counts[key] = counts.get(key, 0) + 1
        choices = [(str(value), label) for value, label in reversed(Sentiment.choices)]
        choices.append((UNKNOWN, pgettext("sentiment", "Unknown")))
        return [
            SentimentChoice(value, str(label), counts[value], value == self.sentiment)
            for value, label in choices
            if counts.get(value)
        ]


def clean_sentiment(value: str | None) -> str:
    return value if value in {*map(str, Sentiment.values), UNKNOWN} else ""


def panel_evidence(
    journey: Journey, *, touchpoint=None, stage=None, persona_id=None, sentiment: str = ""
) -> PanelEvidence:
    where = Q(touchpoint=touchpoint) if touchpoint else Q(stage=stage)
    if stage is not None:
        where &= Q(persona__isnull=True) | Q(persona_id=persona_id)
    metrics = Metric.objects.filter(where, journey=journey)
    notes = FrictionNote.objects.only("pk", "title", "touchpoint_id")
    quotes = Verbatim.objects.filter(where, journey=journey).prefetch_related(
        Prefetch("cited_by", queryset=notes)
    )
    return PanelEvidence(list(metrics), list(quotes), clean_sentiment(sentiment))

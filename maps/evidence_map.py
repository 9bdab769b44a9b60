"""The evidence a map page shows: figures and quotes of the chosen persona's cards and of the
stages, loaded in a constant number of queries whatever their number.

- the metrics of the stages and of the persona's cards: one query (`load_map_evidence`);
- the quotes counted per stage, with their average sentiment: one aggregate query;
- each card's quote count rides on the cards' own query (`with_quote_counts`).
A card's chip shows its key metric: its latest figure, one with a target first.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, F, Q, Window
from django.db.models.functions import Coalesce, RowNumber

from core.queries import correlated_count
from evidence.measures import going_on, measured_score, on_emotion_scale
from evidence.models import Figure, Metric, Verbatim
from journeys.models import Journey, Stage

# The figures a stage's cell of the Metrics row shows at most; the rest are in its panel.
KEY_FIGURES = 3
# The newest quotes and the figures listed under the map; the others are in the panels.
LISTED_QUOTES = 20
LISTED_METRICS = 30


def for_persona(queryset, persona_id: int | None):
    """Evidence of the stages (for everyone, or for this persona) and of the persona's cards."""
    of_stage = Q(stage__isnull=False) & (Q(persona__isnull=True) | Q(persona_id=persona_id))
    return queryset.filter(of_stage | Q(touchpoint__persona_id=persona_id))


def with_quote_counts(touchpoints):
    return touchpoints.annotate(quote_count=correlated_count(Verbatim.objects.all(), "touchpoint"))


def latest_per_series(metrics: list[Figure]) -> list[Figure]:
    """The latest figure of each series (metrics come in period order), the latest last."""
    latest: dict[tuple, Figure] = {}
    for metric in metrics:
        latest.pop(metric.series_key, None)
        latest[metric.series_key] = metric
    return list(latest.values())


def key_metric(metrics: list[Figure]) -> Metric | None:
    if not metrics:
        return None
    return max(metrics, key=lambda m: (m.period_end, m.target is not None, m.pk or 0))


@dataclass
class FunnelStep:
    reach: float  # share of the first stage's customers still there (0…1)
    going_on: float | None  # share of this stage's customers who go on, when measured

    @property
    def width(self) -> int:
        return max(2, round(self.reach * 100))

    @property
    def drop_off(self) -> float | None:
        return None if self.going_on is None else round((1 - self.going_on) * 100, 1)

    @property
    def reach_percent(self) -> float:
        return round(self.reach * 100, 1)


@dataclass
class StageEvidence:
    stage: Stage
    metrics: list[Figure] = field(default_factory=list)  # the stage's own
    card_metrics: list[Figure] = field(default_factory=list)  # its cards'
    quote_count: int = 0
    sentiment: float | None = None
    funnel: FunnelStep | None = None

    @property
    def key_figures(self) -> list[Figure]:
        return latest_per_series(self.metrics)[-KEY_FIGURES:]

    @property
    def measured(self) -> tuple[float, str] | None:
        """The stage's measured emotion (−2…+2) and what it comes from, or None."""
        score = measured_score(self.metrics)
        if score is not None:
            return on_emotion_scale(score), f"{score.label} {score.display_value}"
        if self.sentiment is not None:
            return round(self.sentiment, 2), ""
        return None


@dataclass
class MapEvidence:
    stages: list[StageEvidence]
    metrics_by_card: dict[int, list[Figure]]
    newest_quotes: list[Verbatim] = field(default_factory=list)
    listed: list[Figure] = field(default_factory=list)
    metric_count: int = 0

    @property
    def quote_count(self) -> int:
        return sum(stage.quote_count for stage in self.stages)

    @property
    def listed_metrics(self) -> list[tuple[StageEvidence, Figure]]:
        """The figures listed under the map, each with its stage, in the map's order."""
        stages = {evidence.stage.pk: evidence for evidence in self.stages}
        return [
            (stages[metric.stage_id or metric.card_stage_id], metric)
            for metric in self.listed
            if (metric.stage_id or metric.card_stage_id) in stages
        ]

    @property
    def listed_count(self) -> int:
        return len(self.listed)

    @property
    def has_any(self) -> bool:
        return bool(self.metrics_by_card) or any(s.metrics or s.quote_count for s in self.stages)

    @property
    def has_funnel(self) -> bool:
        return any(s.funnel and s.funnel.going_on is not None for s in self.stages)


def load_map_evidence(
    journey: Journey, stages: list[Stage], persona_id: int | None, *, listing: bool = True
) -> MapEvidence:
    """Two queries: the latest figure of each series (a trend's earlier periods are for the
    panels), and the quotes counted per stage; with `listing` (the map page, not the curve or
    the picture), two more: the figures and the newest quotes listed under the map."""
    by_stage = {stage.pk: StageEvidence(stage) for stage in stages}
    metrics_by_card: dict[int, list[Figure]] = defaultdict(list)
    metrics = for_persona(Metric.objects.filter(journey=journey), persona_id)
    latest = metrics.annotate(
        newest=Window(
            RowNumber(),
            partition_by=[
                F("stage_id"),
                F("touchpoint_id"),
                F("persona_id"),
                F("kind"),
                F("name"),
                F("source"),
            ],
            order_by=[F("period_end").desc(), F("period_start").desc(), F("pk").desc()],
        ),
        total=Window(Count("pk")),
    ).filter(newest=1)
    metric_count = 0
    for metric in figures(latest, "total"):
        metric_count = metric.total
        if metric.touchpoint_id:
            metrics_by_card[metric.touchpoint_id].append(metric)
            if evidence := by_stage.get(metric.card_stage_id):
                evidence.card_metrics.append(metric)
        elif evidence := by_stage.get(metric.stage_id):
            evidence.metrics.append(metric)
    quotes = (
        for_persona(Verbatim.objects.filter(journey=journey), persona_id)
        .annotate(at=Coalesce("stage_id", "touchpoint__stage_id"))
        .order_by()
        .values("at")
        .annotate(count=Count("pk"), sentiment=Avg("sentiment"))
    )
    for row in quotes:
        if evidence := by_stage.get(row["at"]):
            evidence.quote_count = row["count"]
            evidence.sentiment = row["sentiment"]
    _funnel(list(by_stage.values()))
    evidence = MapEvidence(list(by_stage.values()), dict(metrics_by_card))
    evidence.metric_count = metric_count
    # Asked even when there is nothing to list: a map costs the same queries with or without.
    if listing:
        in_map_order = metrics.order_by(
            Coalesce("stage__position", "touchpoint__stage__position"), "touchpoint_id", "pk"
        )
        evidence.listed = figures(in_map_order[:LISTED_METRICS], ordered=True)
    if listing:
        quotes = for_persona(Verbatim.objects.filter(journey=journey), persona_id)
        evidence.newest_quotes = list(quotes.select_related("touchpoint", "stage")[:LISTED_QUOTES])
    return evidence


def figures(metrics, *extra: str, ordered: bool = False) -> list[Figure]:
    """`metrics` in period order (or in their own, `ordered`) as Figures (evidence/models.py
    says why), each with its card's stage and title: one query."""
    if not ordered:
        metrics = metrics.order_by("period_end", "period_start", "pk")
    rows = metrics.values(
        *Figure.FIELDS,
        *extra,
        card_stage_id=F("touchpoint__stage_id"),
        card_title=F("touchpoint__title"),
    )
    return [Figure(**row) for row in rows]


def _funnel(stages: list[StageEvidence]) -> None:
    """Each stage's reach: the first stage's customers times the share going on past each
    stage before it (a stage without a rate lets everyone through, and says it is unmeasured)."""
    reach = 1.0
    for evidence in stages:
        share = going_on(evidence.metrics)
        if share is None:
            share = going_on(evidence.card_metrics)
        evidence.funnel = FunnelStep(reach, share)
        if share is not None:
            reach *= share


def card_metrics(touchpoint_ids: list[int]) -> dict[int, list[Figure]]:
    """The metrics of some cards, for cells drawn again after an edit: one query."""
    by_card: dict[int, list[Figure]] = defaultdict(list)
    for metric in figures(Metric.objects.filter(touchpoint_id__in=touchpoint_ids)):
        by_card[metric.touchpoint_id].append(metric)
    return by_card


def attach_to_cards(touchpoints, metrics_by_card: dict[int, list[Figure]]) -> None:
    for touchpoint in touchpoints:
        touchpoint.key_metric = key_metric(metrics_by_card.get(touchpoint.pk, []))

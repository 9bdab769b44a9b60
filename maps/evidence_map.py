"""The evidence a map page shows: figures and quotes of the chosen persona's cards and of the
stages, loaded in a constant number of queries whatever their number.

- the latest figure of each series of the stages and of the persona's cards: one query;
- the quotes counted per stage, with their average sentiment: one aggregate query;
- on the map page, the figures and the newest quotes listed under the map: one query each;
- each card's quote count rides on the cards' own query (`with_quote_counts`).
The queries are written in SQL in evidence/map_rows.py (it says why).
A card's chip shows its key metric: its latest figure, one with a target first.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.cache import caches

from core.compiled import CompiledQuery
from core.queries import correlated_count
from evidence import map_rows
from evidence.measures import going_on, measured_score, on_emotion_scale
from evidence.models import Figure, Metric, Verbatim
from journeys.models import Journey, Stage
from maps.fragments import TIMEOUT
from touchpoints.models import in_cells

# The figures a stage's cell of the Metrics row shows at most; the rest are in its panel.
KEY_FIGURES = 3
# The newest quotes and the figures listed under the map; the others are in the panels.
LISTED_QUOTES = 50
LISTED_METRICS = 100


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
    newest_quotes: list[map_rows.ListedQuote] = field(default_factory=list)
    listed: list[Figure] = field(default_factory=list)
    metric_count: int = 0
    # What names this evidence's state when its rows were kept (`_evidence_rows`), else None:
    # the parts drawn from it can be kept under it too (maps/templatetags/evidence_tags.py).
    state: str | None = None

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
    journey: Journey,
    stages: list[Stage],
    persona_id: int,
    *,
    listing: bool = True,
    cards: Iterable | None = None,
) -> MapEvidence:
    """The latest figure of each series (a trend's earlier periods are for the panels) and the
    quotes counted per stage; with `listing` (the map page, not the curve or the picture), the
    figures and the newest quotes listed under the map too. Two queries, four with `listing`,
    whatever the evidence's size (evidence/map_rows.py); given the persona's `cards` (each with
    its pk, stage_id and title), one when the map's evidence is kept from an earlier page."""
    by_stage = {stage.pk: StageEvidence(stage) for stage in stages}
    evidence = MapEvidence(list(by_stage.values()), {})
    rows, evidence.state = _evidence_rows(journey.pk, persona_id, stages, listing, cards)
    latest = map_rows.figures_of(rows.latest)
    metrics_by_card: dict[int, list[Figure]] = defaultdict(list)
    for metric in latest:
        if metric.touchpoint_id:
            metrics_by_card[metric.touchpoint_id].append(metric)
            if stage_evidence := by_stage.get(metric.card_stage_id):
                stage_evidence.card_metrics.append(metric)
        elif stage_evidence := by_stage.get(metric.stage_id):
            stage_evidence.metrics.append(metric)
    evidence.metrics_by_card = dict(metrics_by_card)
    for stage_id, count, sentiment in rows.per_stage:
        if stage_evidence := by_stage.get(stage_id):
            stage_evidence.quote_count = count
            stage_evidence.sentiment = sentiment
    _funnel(evidence.stages)
    if listing:
        evidence.metric_count = sum(metric.series_size for metric in latest)
        evidence.listed = map_rows.figures_of(rows.listed)
        evidence.newest_quotes = map_rows.quotes_of(rows.newest)
    return evidence


class EvidenceRows(NamedTuple):
    """The rows of a map's evidence, as evidence/map_rows.py reads them."""

    latest: list[tuple]
    per_stage: list[tuple]
    listed: list[tuple]
    newest: list[tuple]


def _read_rows(journey_id: int, persona_id: int, stage_ids: list, listing: bool) -> EvidenceRows:
    latest = map_rows.latest_rows(journey_id, persona_id)
    per_stage = map_rows.quotes_per_stage(journey_id, persona_id)
    if not listing:
        return EvidenceRows(latest, per_stage, [], [])
    # Asked even when there is nothing to list: a map costs the same queries with or without.
    figures = map_rows.figures_of(latest)
    listed = map_rows.listed_rows(journey_id, persona_id, figures, stage_ids, LISTED_METRICS)
    newest = map_rows.newest_quote_rows(journey_id, persona_id, LISTED_QUOTES)
    return EvidenceRows(latest, per_stage, listed, newest)


def _evidence_rows(
    journey_id: int, persona_id: int, stages: list[Stage], listing: bool, cards
) -> tuple[EvidenceRows, str | None]:
    """The map's evidence rows, kept between pages under a key naming their state: the
    evidence's (`map_rows.stamp`), and the names, order and places of the stages and cards
    the rows name. Most map pages are read many times between two changes of evidence: with
    2,000 metrics and 2,000 quotes a kept page saves four queries, 7 ms (bench/evidence.py).
    Returns the rows and their key, None when they are not kept."""
    stage_ids = [stage.pk for stage in stages]
    stamp = map_rows.stamp(journey_id) if cards is not None else None
    if stamp is None:
        return _read_rows(journey_id, persona_id, stage_ids, listing), None
    # hash(): keys of this process's memory; a shared cache would only share fewer of them.
    places = hash(
        (
            tuple((stage.pk, stage.name) for stage in stages),
            tuple((card.pk, card.stage_id, card.title) for card in cards),
        )
    )
    key = f"map-evidence:{journey_id}:{persona_id}:{listing:d}:{stamp[0]}:{stamp[1]}:{places}"
    cache = caches["fragments"]
    rows = cache.get(key)
    if rows is None:
        rows = _read_rows(journey_id, persona_id, stage_ids, listing)
        cache.set(key, rows, TIMEOUT)
    return rows, key


def _card_metric_rows(journey_id: int, persona_id: int, *cells: int):
    """The metrics of the persona's cards in some cells, in period order, each with its card's
    stage and title; `cells` is (stage id, channel id, stage id, …)."""
    metrics = Metric.objects.filter(
        in_cells(cells, "touchpoint__"), journey_id=journey_id, touchpoint__persona_id=persona_id
    )
    return metrics.order_by("period_end", "period_start", "pk").values_list(
        *Figure.FIELDS, "touchpoint__stage_id", "touchpoint__title"
    )


# Compiled once per number of cells (core/compiled.py): built through the ORM, this query cost
# a fifth of a card edit's processor time, on every edit, move and pushed cell.
_CARD_METRIC_ROWS = CompiledQuery(_card_metric_rows)


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


def card_metrics(journey_id: int, persona_id: int, cells) -> dict[int, list[Figure]]:
    """The metrics of the persona's cards in some `cells` (`CellKey`s), for cells drawn again
    after an edit: one query."""
    places = [id_ for key in cells for id_ in key]
    by_card: dict[int, list[Figure]] = defaultdict(list)
    for metric in map_rows.figures_of(_CARD_METRIC_ROWS.rows(journey_id, persona_id, *places)):
        by_card[metric.touchpoint_id].append(metric)
    return by_card


def attach_to_cards(touchpoints, metrics_by_card: dict[int, list[Figure]]) -> None:
    for touchpoint in touchpoints:
        touchpoint.key_metric = key_metric(metrics_by_card.get(touchpoint.pk, []))

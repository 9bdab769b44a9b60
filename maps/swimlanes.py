"""The swimlane map of one persona in a journey: touchpoints grouped into channel × stage cells,
with the per-stage summary row (average emotion, unresolved frictions)."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from functools import cached_property
from statistics import fmean
from typing import NamedTuple

from django.db.models import Case, Count, IntegerField, Max, Q, Value, When

from core.compiled import CompiledQuery, padded
from journeys.models import Channel, Journey, JourneyPersona, Stage
from maps.evidence_map import (
    MapEvidence,
    attach_to_cards,
    card_metrics,
    load_map_evidence,
    with_quote_counts,
)
from personas.models import Persona
from touchpoints.models import (
    EMOTION_EMOJI,
    SEVERITY_ICON,
    SEVERITY_RANK,
    Emotion,
    Severity,
    Status,
    Touchpoint,
    in_cells,
)

SEVERITY_BY_RANK = {rank: severity for severity, rank in SEVERITY_RANK.items()}


@dataclass(frozen=True)
class Frictions:
    """Unresolved friction notes: how many, and the worst severity among them."""

    count: int = 0
    worst: Severity | None = None

    @property
    def icon(self) -> str:
        return SEVERITY_ICON[self.worst] if self.worst else ""

    @property
    def heat(self) -> tuple[int, int]:
        """How much it hurts: the worst severity first, then how many."""
        return (SEVERITY_RANK[self.worst] if self.worst else 0, self.count)

    def __add__(self, other: "Frictions") -> "Frictions":
        ranks = [SEVERITY_RANK[s] for s in (self.worst, other.worst) if s]
        return Frictions(self.count + other.count, SEVERITY_BY_RANK[max(ranks)] if ranks else None)


@dataclass
class StageSummary:
    """One stage of the chosen persona's map: average emotion and unresolved frictions."""

    stage: Stage
    emotions: list[int] = field(default_factory=list)
    frictions: Frictions = Frictions()
    hot_spot: bool = False

    @property
    def average_emotion(self) -> float | None:
        return fmean(self.emotions) if self.emotions else None

    @property
    def emotion(self) -> Emotion | None:
        average = self.average_emotion
        return None if average is None else Emotion(round(average))

    @property
    def emotion_emoji(self) -> str:
        return EMOTION_EMOJI[self.emotion] if self.emotion is not None else ""


class CellKey(NamedTuple):
    """Where a touchpoint is on one persona's map: a stage (column), then a channel (lane).

    The one order for a cell, in code and in the cell's element id ("cell-<stage>-<channel>").
    """

    stage_id: int
    channel_id: int

    @classmethod
    def of(cls, touchpoint: Touchpoint) -> "CellKey":
        return cls(touchpoint.stage_id, touchpoint.channel_id)

    @classmethod
    def from_dom_id(cls, dom_id: str) -> "CellKey | None":
        """The key of a cell's element id (`Cell.dom_id` read back), or None."""
        match = re.fullmatch(r"cell-(\d+)-(\d+)", dom_id)
        return cls(int(match[1]), int(match[2])) if match else None


@dataclass
class Cell:
    """The touchpoints of one persona at one stage in one channel."""

    stage: Stage
    channel: Channel
    touchpoints: list[Touchpoint] = field(default_factory=list)

    @property
    def dom_id(self) -> str:
        return f"cell-{self.stage.pk}-{self.channel.pk}"


@dataclass
class Lane:
    channel: Channel
    cells: list[Cell]


@dataclass(slots=True)
class MapCard:
    """A touchpoint as the grid draws it: the columns a card shows, read as a row rather than
    as a `Touchpoint` (200 model instances, with their timestamps, took 8 ms of a 400-card
    map's 20 ms of loading; these rows take 2). It keeps the model's names."""

    pk: int
    persona_id: int
    stage_id: int
    channel_id: int
    position: int
    version: int
    title: str
    description: str
    emotion: int
    owner: str
    open_friction_count: int
    worst_severity_rank: int | None
    quote_count: int
    emotion_label: str = ""
    frictions_summary: Frictions = Frictions()
    # The card's key figure (maps/evidence_map.py), attached after the rows are read.
    key_metric: object = None

    @property
    def id(self) -> int:
        return self.pk

    @property
    def emotion_emoji(self) -> str:
        return EMOTION_EMOJI[self.emotion]


MAP_CARD_COLUMNS = [field.name for field in fields(MapCard)][:13]


def _map_card_rows(journey_id: int, persona_id: int, *cells: int):
    """The query of `map_cards`; `cells` is (stage id, channel id, stage id, …)."""
    touchpoints = Touchpoint.objects.filter(
        in_cells(cells), journey_id=journey_id, persona_id=persona_id
    )
    return with_quote_counts(with_friction_counts(touchpoints)).values_list(*MAP_CARD_COLUMNS)


# Compiled once per number of cells (core/compiled.py says why).
_MAP_CARD_ROWS = CompiledQuery(_map_card_rows)


def map_cards(journey: Journey, persona_id: int, cells=()) -> Iterator[MapCard]:
    """The persona's cards as the grid draws them, in their cells' order; those of some `cells`
    (`CellKey`s) only, when given."""
    places = [id_ for key in cells for id_ in key]
    return (MapCard(*row) for row in _MAP_CARD_ROWS.rows(journey.pk, persona_id, *places))


def with_friction_counts(touchpoints):
    """`touchpoints` with their unresolved friction notes counted and their worst severity."""
    severity_rank = Case(
        *(
            When(frictions__severity=severity, then=Value(rank))
            for severity, rank in SEVERITY_RANK.items()
        ),
        output_field=IntegerField(),
    )
    unresolved = ~Q(frictions__status=Status.RESOLVED)
    return touchpoints.annotate(
        open_friction_count=Count("frictions", filter=unresolved),
        worst_severity_rank=Max(severity_rank, filter=unresolved),
    )


def _with_summary(touchpoint: MapCard | Touchpoint, emotion_labels: dict[int, str]):
    touchpoint.frictions_summary = Frictions(
        touchpoint.open_friction_count, SEVERITY_BY_RANK.get(touchpoint.worst_severity_rank)
    )
    touchpoint.emotion_label = emotion_labels[touchpoint.emotion]
    return touchpoint


def _emotion_labels() -> dict[int, str]:
    """The emotion words in the current language, translated once per map rather than per card."""
    return {value: str(label) for value, label in Emotion.choices}


def build_map(stages: list[Stage], channels: list[Channel], touchpoints) -> tuple[list, list]:
    """Touchpoints grouped into lanes × stages cells, and the per-stage summary row."""
    cells = {
        CellKey(stage.pk, channel.pk): Cell(stage, channel)
        for channel in channels
        for stage in stages
    }
    summaries = {stage.pk: StageSummary(stage) for stage in stages}
    labels = _emotion_labels()
    for touchpoint in touchpoints:
        _with_summary(touchpoint, labels)
        cells[CellKey.of(touchpoint)].touchpoints.append(touchpoint)
        summary = summaries[touchpoint.stage_id]
        summary.emotions.append(touchpoint.emotion)
        if touchpoint.frictions_summary.count:
            summary.frictions += touchpoint.frictions_summary
    lanes = [
        Lane(channel, [cells[CellKey(stage.pk, channel.pk)] for stage in stages])
        for channel in channels
    ]
    _mark_hot_spots(list(summaries.values()))
    return lanes, list(summaries.values())


def _mark_hot_spots(summaries: list[StageSummary]) -> None:
    """The stages where the persona hurts most: the worst unresolved severity, then the most
    frictions. None when no stage has an unresolved friction."""
    hottest = max((summary.frictions.heat for summary in summaries), default=(0, 0))
    for summary in summaries:
        summary.hot_spot = hottest[1] > 0 and summary.frictions.heat == hottest


def load_cells(journey_map: "JourneyMap", keys: set[CellKey]) -> list[Cell]:
    """Some cells of the chosen persona's map, after a change: one query whatever their
    number; stages or channels no longer in the map are left out."""
    stages = {stage.pk: stage for stage in journey_map.stages}
    channels = {channel.pk: channel for channel in journey_map.channels}
    cells = {
        key: Cell(stages[key.stage_id], channels[key.channel_id])
        for key in keys
        if key.stage_id in stages and key.channel_id in channels
    }
    if not cells:
        return []  # no cells would mean every card of the persona
    persona_id = journey_map.chosen.persona_id
    labels = _emotion_labels()
    places = padded(sorted(cells))
    touchpoints = list(map_cards(journey_map.journey, persona_id, places))
    if touchpoints:
        attach_to_cards(touchpoints, card_metrics(journey_map.journey.pk, persona_id, places))
    for touchpoint in touchpoints:
        cells[CellKey.of(touchpoint)].touchpoints.append(_with_summary(touchpoint, labels))
    return list(cells.values())


@dataclass
class JourneyMap:
    """Everything the map page shows: the structure, the chosen persona's cards and summaries."""

    journey: Journey
    stages: list[Stage]
    channels: list[Channel]
    journey_personas: list
    chosen: object | None
    lanes: list[Lane] = field(default_factory=list)
    stage_summaries: list[StageSummary] = field(default_factory=list)
    evidence: MapEvidence | None = None

    @cached_property
    def addable_personas(self) -> list[Persona]:
        """The workspace's personas not yet in the journey, for the "Add a persona" menu."""
        return _ADDABLE_PERSONAS.objects(self.journey.workspace_id, self.journey.pk)

    def place(self, touchpoint: Touchpoint) -> Touchpoint:
        """Give `touchpoint` its stage and channel from the loaded map rather than two more
        queries."""
        stage_id, channel_id = CellKey.of(touchpoint)
        touchpoint.stage = next(stage for stage in self.stages if stage.pk == stage_id)
        touchpoint.channel = next(channel for channel in self.channels if channel.pk == channel_id)
        return touchpoint

    def touchpoints(self) -> list[Touchpoint]:
        return [
            touchpoint
            for lane in self.lanes
            for cell in lane.cells
            for touchpoint in cell.touchpoints
        ]


def choose_persona(journey_personas: list, key: str | None, persona_id: int | None = None):
    """The journey persona named by `key` (or by `persona_id`, a card's persona); an unknown key
    (a persona since removed from the journey, an old link) falls back to the first persona, or
    None in a journey without any."""
    wanted = (link for link in journey_personas if link.key == key or link.persona_id == persona_id)
    return next(wanted, None) or next(iter(journey_personas), None)


# The structure every map request reads first, compiled once (core/compiled.py says why).
_STAGES = CompiledQuery(lambda journey_id: Stage.objects.filter(journey_id=journey_id))
_CHANNELS = CompiledQuery(lambda journey_id: Channel.objects.filter(journey_id=journey_id))
_JOURNEY_PERSONAS = CompiledQuery(
    lambda journey_id: JourneyPersona.objects.select_related("persona").filter(
        journey_id=journey_id
    )
)


_ADDABLE_PERSONAS = CompiledQuery(
    lambda workspace_id, journey_id: Persona.objects.filter(workspace_id=workspace_id).exclude(
        pk__in=JourneyPersona.objects.filter(journey_id=journey_id).values("persona_id")
    )
)


def _of_journey(query: CompiledQuery, journey: Journey) -> list:
    """The journey's rows, each knowing its journey as `journey.stages.all()` would have."""
    rows = query.objects(journey.pk)
    for row in rows:
        row.journey = journey
    return rows


def load_map(
    journey: Journey, persona_key: str | None, *, persona_id=None, with_touchpoints: bool = True
) -> JourneyMap:
    stages = _of_journey(_STAGES, journey)
    channels = _of_journey(_CHANNELS, journey)
    journey_personas = _of_journey(_JOURNEY_PERSONAS, journey)
    chosen = choose_persona(journey_personas, persona_key, persona_id)
    journey_map = JourneyMap(journey, stages, channels, journey_personas, chosen)
    if with_touchpoints:
        touchpoints = map_cards(journey, chosen.persona_id) if chosen else []
        journey_map.lanes, journey_map.stage_summaries = build_map(stages, channels, touchpoints)
        if chosen:
            cards = journey_map.touchpoints()
            journey_map.evidence = load_map_evidence(
                journey, stages, chosen.persona_id, cards=cards
            )
            attach_to_cards(cards, journey_map.evidence.metrics_by_card)
    return journey_map

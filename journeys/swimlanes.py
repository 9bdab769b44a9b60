"""The swimlane map of one persona in a journey: touchpoints grouped into channel × stage cells,
with the per-stage summary row (average emotion, unresolved frictions)."""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean

from django.db.models import Case, Count, IntegerField, Max, Q, Value, When

from journeys.models import Journey, Stage
from touchpoints.models import (
    EMOTION_EMOJI,
    SEVERITY_ICON,
    SEVERITY_RANK,
    Channel,
    Emotion,
    Severity,
    Status,
    Touchpoint,
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

    def __add__(self, other: "Frictions") -> "Frictions":
        ranks = [SEVERITY_RANK[s] for s in (self.worst, other.worst) if s]
        return Frictions(self.count + other.count, SEVERITY_BY_RANK[max(ranks)] if ranks else None)


@dataclass
class StageSummary:
    """One stage of the chosen persona's map: average emotion and unresolved frictions."""

    stage: Stage
    emotions: list[int] = field(default_factory=list)
    frictions: Frictions = Frictions()

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


@dataclass
class Lane:
    channel: Channel
    cells: list[list[Touchpoint]]


def touchpoints_with_frictions(journey: Journey, persona_id: int):
    severity_rank = Case(
        *(
            When(frictions__severity=severity, then=Value(rank))
            for severity, rank in SEVERITY_RANK.items()
        ),
        output_field=IntegerField(),
    )
    unresolved = ~Q(frictions__status=Status.RESOLVED)
    return Touchpoint.objects.filter(journey=journey, persona_id=persona_id).annotate(
        open_friction_count=Count("frictions", filter=unresolved),
        worst_severity_rank=Max(severity_rank, filter=unresolved),
    )


def build_map(stages: list[Stage], channels: list[Channel], touchpoints) -> tuple[list, list]:
    """Touchpoints grouped into lanes × stages cells, and the per-stage summary row."""
    cells: dict[tuple[int, int], list[Touchpoint]] = defaultdict(list)
    summaries = {stage.pk: StageSummary(stage) for stage in stages}
    for touchpoint in touchpoints:
        touchpoint.frictions_summary = Frictions(
            touchpoint.open_friction_count, SEVERITY_BY_RANK.get(touchpoint.worst_severity_rank)
        )
        cells[touchpoint.channel_id, touchpoint.stage_id].append(touchpoint)
        summary = summaries[touchpoint.stage_id]
        summary.emotions.append(touchpoint.emotion)
        summary.frictions += touchpoint.frictions_summary
    lanes = [
        Lane(channel, [cells[channel.pk, stage.pk] for stage in stages]) for channel in channels
    ]
    return lanes, list(summaries.values())

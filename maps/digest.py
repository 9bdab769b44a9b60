"""A journey read whole, for what shows it outside the map page: the text version, the
presentation, the PowerPoint deck and the PDF report.

Per persona, per stage: the cards grouped by channel, the friction notes worst first, and the
stage's figures. Loaded in a fixed number of queries (stages, channels, personas, cards, notes,
and comments when asked), whatever the journey's size.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import fmean

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from core.templatetags.parcours import signed
from journeys.models import Channel, Journey, JourneyPersona, Stage
from personas.models import Persona
from touchpoints.models import (
    EMOTION_EMOJI,
    SEVERITY_RANK,
    Comment,
    Emotion,
    FrictionNote,
    Severity,
    Status,
    Touchpoint,
)

# Severities worst first, as the report lists them.
SEVERITIES_WORST_FIRST = sorted(Severity, key=lambda severity: -SEVERITY_RANK[severity])


def worst_first(note: FrictionNote) -> tuple:
    """Unresolved notes before resolved ones, then by severity, then in the order written."""
    return (note.status == Status.RESOLVED, -SEVERITY_RANK[note.severity], note.pk)


@dataclass(frozen=True)
class Figure:
    label: str
    value: str


@dataclass
class ChannelCards:
    channel: Channel
    touchpoints: list[Touchpoint]


@dataclass
class StageView:
    """One persona's cards and friction notes at one stage."""

    number: int
    stage: Stage
    channels: list[ChannelCards]
    frictions: list[FrictionNote]

    @property
    def touchpoints(self) -> list[Touchpoint]:
        return [card for cards in self.channels for card in cards.touchpoints]

    @property
    def average_emotion(self) -> float | None:
        emotions = [card.emotion for card in self.touchpoints]
        return fmean(emotions) if emotions else None

    @property
    def emotion(self) -> Emotion | None:
        average = self.average_emotion
        return None if average is None else Emotion(round(average))

    @property
    def unresolved(self) -> list[FrictionNote]:
        return [note for note in self.frictions if note.status != Status.RESOLVED]

    def worst_frictions(self, count: int = 5) -> list[FrictionNote]:
        return self.unresolved[:count]

    @property
    def emotion_words(self) -> str:
        """The average emotion as a word and a number, "Satisfied (+0.7)"; "" without cards."""
        if self.emotion is None:
            return ""
        return f"{self.emotion.label} ({signed(self.average_emotion)})"

    @property
    def figures(self) -> list[Figure]:
        """The stage's figures in words. Measured metrics (branch `evidence`) join this list."""
        figures = [Figure(_("Cards"), str(len(self.touchpoints)))]
        if self.emotion is not None:
            figures.append(Figure(_("Average emotion"), self.emotion_words))
        figures.append(Figure(_("Unresolved frictions"), str(len(self.unresolved))))
        return figures


@dataclass
class PersonaView:
    journey_persona: JourneyPersona
    stages: list[StageView]

    @property
    def persona(self) -> Persona:
        return self.journey_persona.persona

    @property
    def key(self) -> str:
        return self.journey_persona.key

    @property
    def frictions(self) -> list[FrictionNote]:
        return sorted((n for stage in self.stages for n in stage.frictions), key=worst_first)


@dataclass
class JourneyDigest:
    journey: Journey
    stages: list[Stage]
    channels: list[Channel]
    personas: list[PersonaView] = field(default_factory=list)
    # Every persona of the journey, also those not shown (for a persona switch).
    journey_personas: list[JourneyPersona] = field(default_factory=list)

    def frictions_by_severity(self) -> list[tuple[Severity, list[FrictionNote]]]:
        """Every persona's notes grouped by severity, critical first; empty groups left out."""
        groups = defaultdict(list)
        for persona in self.personas:
            for note in persona.frictions:
                groups[note.severity].append(note)
        return [
            (severity, groups[severity]) for severity in SEVERITIES_WORST_FIRST if groups[severity]
        ]

    @property
    def card_count(self) -> int:
        return sum(len(stage.touchpoints) for persona in self.personas for stage in persona.stages)


def load_digest(
    journey: Journey, persona_key: str | None = None, *, with_comments: bool = False
) -> JourneyDigest:
    """The journey for the persona keyed `persona_key`, or for every persona when None.

    An unknown key gives the first persona (as the map does). Five queries, six with comments.
    """
    stages = list(journey.stages.all())
    channels = list(journey.channels.all())
    links = list(journey.journey_personas.select_related("persona"))
    shown = links
    if persona_key is not None and links:
        shown = [next((link for link in links if link.key == persona_key), links[0])]
    digest = JourneyDigest(journey, stages, channels, journey_personas=links)
    if not shown:
        return digest
    cards = list(
        Touchpoint.objects.filter(
            journey=journey, persona_id__in=[link.persona_id for link in shown]
        ).order_by("position", "pk")
    )
    notes = FrictionNote.objects.filter(touchpoint__in=[card.pk for card in cards])
    if with_comments:
        notes = notes.prefetch_related(
            Prefetch("comments", queryset=Comment.objects.select_related("author"))
        )
    notes_of = defaultdict(list)
    for note in notes:
        notes_of[note.touchpoint_id].append(note)
    stage_of = {stage.pk: stage for stage in stages}
    channel_of = {channel.pk: channel for channel in channels}
    labels = {value: str(label) for value, label in Emotion.choices}
    grouped = defaultdict(list)
    for card in cards:
        card.stage, card.channel = stage_of[card.stage_id], channel_of[card.channel_id]
        card.emotion_label = labels[card.emotion]
        card.emotion_emoji_char = EMOTION_EMOJI[card.emotion]
        card.notes = sorted(notes_of[card.pk], key=worst_first)
        for note in card.notes:
            note.touchpoint = card
        grouped[card.persona_id, card.stage_id, card.channel_id].append(card)
    for link in shown:
        views = []
        for number, stage in enumerate(stages, start=1):
            lanes = [
                ChannelCards(channel, grouped[link.persona_id, stage.pk, channel.pk])
                for channel in channels
                if grouped[link.persona_id, stage.pk, channel.pk]
            ]
            stage_notes = [
                note for lane in lanes for card in lane.touchpoints for note in card.notes
            ]
            views.append(StageView(number, stage, lanes, sorted(stage_notes, key=worst_first)))
        digest.personas.append(PersonaView(link, views))
    return digest

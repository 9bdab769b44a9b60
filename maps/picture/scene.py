"""What a picture of a journey shows, loaded in a fixed number of queries whatever its size."""

import base64
from dataclasses import dataclass

from django.core.files.storage import default_storage

from journeys.models import Journey, JourneyPersona
from maps.curves import ALL_PERSONAS, EmotionCurve, emotion_curve_for_map
from maps.evidence_map import MapEvidence, load_map_evidence
from maps.swimlanes import Lane, StageSummary, build_map, load_map, with_friction_counts
from personas.models import Persona
from touchpoints.models import Touchpoint


class UnknownPersona(ValueError):
    """The persona asked for is not in the journey."""


@dataclass
class Scene:
    journey: Journey
    lanes: list[Lane]
    summaries: list[StageSummary]
    curve: EmotionCurve
    # The persona whose map it is; None when every persona is shown (`?persona=all`).
    persona: Persona | None
    # Each persona's curve colour, for the avatars on cards when every persona is shown.
    persona_colours: dict[int, str]
    # The chosen persona's figures and quotes; None when every persona is shown.
    evidence: MapEvidence | None = None

    @property
    def stages(self):
        return self.curve.stages

    @property
    def comparing(self) -> bool:
        return self.curve.comparing


def load_scene(journey: Journey, persona_key: str = "") -> Scene:
    """The map of the persona keyed `persona_key` (the first persona when empty), or with
    `persona_key="all"` every persona's cards and the comparison of their curves.

    Four queries: stages, channels, the journey's personas, their cards with friction counts;
    two more for one persona's map: its metrics and its quotes counted per stage.
    """
    skeleton = load_map(journey, persona_key or None, with_touchpoints=False)
    links = skeleton.journey_personas
    comparing = persona_key == ALL_PERSONAS and bool(links)
    if persona_key not in {"", ALL_PERSONAS, *(link.key for link in links)}:
        raise UnknownPersona(persona_key)
    shown: list[JourneyPersona] = links if comparing else [skeleton.chosen] if links else []
    rank = {link.persona_id: n for n, link in enumerate(links)}
    touchpoints = with_friction_counts(
        Touchpoint.objects.filter(journey=journey, persona_id__in=[p.persona_id for p in shown])
    )
    # Every persona's cards in a cell: the personas in the journey's order, each in its own order.
    ordered = sorted(touchpoints, key=lambda t: (rank[t.persona_id], t.position, t.pk))
    lanes, summaries = build_map(skeleton.stages, skeleton.channels, ordered)
    evidence = None
    if not comparing and skeleton.chosen:
        evidence = load_map_evidence(
            journey, skeleton.stages, skeleton.chosen.persona_id, listing=False
        )
    curve = emotion_curve_for_map(
        journey,
        skeleton.stages,
        links,
        skeleton.chosen,
        ordered,
        comparing=comparing,
        evidence=evidence,
    )
    return Scene(
        journey=journey,
        lanes=lanes,
        summaries=summaries,
        curve=curve,
        persona=None if comparing or not links else skeleton.chosen.persona,
        persona_colours={c.persona.pk: c.colour for c in curve.curves},
        evidence=evidence,
    )


def photo_data_uri(persona: Persona) -> str:
    """The persona's photo inlined in the SVG (resvg reads no URL), or "" to draw initials."""
    if not persona.photo:
        return ""
    try:
        with default_storage.open(persona.photo.name) as photo:
            data = photo.read()
    except OSError:
        return ""  # a photo lost from storage: the initials still say who it is
    return "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")

"""Helpers of the board tests: journeys drawn by name, notes put on them, the board's URL."""

from dataclasses import dataclass

from django.urls import reverse

from tests.factories import (
    ChannelFactory,
    FrictionNoteFactory,
    JourneyFactory,
    JourneyPersonaFactory,
    StageFactory,
    TouchpointFactory,
)


@dataclass
class Journey:
    """A journey and its parts, by name."""

    journey: object
    stages: dict
    channels: dict
    links: dict  # persona name → JourneyPersona


def draw_journey(workspace, title: str, stages, channels, personas) -> Journey:
    journey = JourneyFactory(workspace=workspace, title=title)
    return Journey(
        journey,
        {name: StageFactory(journey=journey, name=name) for name in stages},
        {name: ChannelFactory(journey=journey, name=name) for name in channels},
        {name: JourneyPersonaFactory(journey=journey, persona__name=name) for name in personas},
    )


def add_note(drawn: Journey, *, stage: str, channel: str, persona: str, owner: str = "", **note):
    touchpoint = TouchpointFactory(
        journey=drawn.journey,
        stage=drawn.stages[stage],
        channel=drawn.channels[channel],
        persona=drawn.links[persona].persona,
        owner=owner,
        title=f"Card at {stage}",
    )
    return FrictionNoteFactory(touchpoint=touchpoint, **note)


def board_url(workspace, query: str = "") -> str:
    url = reverse("frictions:board", args=[workspace.slug])
    return f"{url}?{query}" if query else url


def titles(response) -> list[str]:
    return [note.title for note in response.context["board"].page.object_list]

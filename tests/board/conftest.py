"""Two journeys whose notes differ in every way the board filters by."""

from dataclasses import dataclass

import pytest
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


@pytest.fixture
def drill(workspace) -> Journey:
    return draw_journey(
        workspace, "Buy a drill", ["Awareness", "Purchase"], ["Website", "Store"], ["Sam"]
    )


@pytest.fixture
def car(workspace) -> Journey:
    return draw_journey(
        workspace, "Rent a car", ["Awareness", "Purchase", "Return"], ["Phone"], ["Nadia", "Sam"]
    )


@pytest.fixture
def notes(drill, car) -> dict:
    """Five notes by title: which filter catches which is written in the title's words."""
    made = [
        add_note(
            drill,
            stage="Awareness",
            channel="Website",
            persona="Sam",
            owner="Marketing",
            title="Ads promise a discount",
            severity="low",
            status="open",
        ),
        add_note(
            drill,
            stage="Purchase",
            channel="Store",
            persona="Sam",
            owner="Retail",
            title="Checkout queue too long",
            severity="critical",
            status="in_progress",
        ),
        add_note(
            drill,
            stage="Purchase",
            channel="Website",
            persona="Sam",
            owner="E-commerce",
            title="Card payment fails",
            severity="high",
            status="resolved",
        ),
        add_note(
            car,
            stage="Purchase",
            channel="Phone",
            persona="Nadia",
            owner="Retail",
            title="Hold music forever",
            severity="high",
            status="open",
        ),
        add_note(
            car,
            stage="Return",
            channel="Phone",
            persona="Sam",
            owner="",
            title="Deposit refund is slow",
            severity="medium",
            status="open",
        ),
    ]
    return {note.title: note for note in made}


def board_url(workspace, query: str = "") -> str:
    url = reverse("frictions:board", args=[workspace.slug])
    return f"{url}?{query}" if query else url


def titles(response) -> list[str]:
    return [note.title for note in response.context["board"].page.object_list]

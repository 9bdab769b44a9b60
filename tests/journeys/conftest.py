from pathlib import Path

import pytest

from tests.factories import (
    ChannelFactory,
    FrictionNoteFactory,
    JourneyFactory,
    JourneyPersonaFactory,
    StageFactory,
    TouchpointFactory,
)

DEMO_FILE = Path(__file__).resolve().parents[2] / "maps" / "demo" / "fr-mode-en-ligne.json"


def build_map(workspace, *, cards: int = 5, personas: int = 2, title: str = "Buy a drill"):
    """A journey of 3 stages × 2 channels, with `cards` touchpoints for its first persona.

    Every card has one open friction note and one resolved one, so counts and severities show.
    """
    journey = JourneyFactory(workspace=workspace, title=title)
    stages = [StageFactory(journey=journey, name=name) for name in ("Notice", "Compare", "Buy")]
    channels = [ChannelFactory(journey=journey, name=name) for name in ("Website", "Store")]
    links = [JourneyPersonaFactory(journey=journey) for _ in range(personas)]
    for n in range(cards):
        touchpoint = TouchpointFactory(
            journey=journey,
            persona=links[0].persona,
            stage=stages[n % len(stages)],
            channel=channels[n % len(channels)],
            position=n,
            emotion=(n % 5) - 2,
        )
        FrictionNoteFactory(touchpoint=touchpoint, severity="high", status="open")
        FrictionNoteFactory(touchpoint=touchpoint, severity="critical", status="resolved")
    return journey


@pytest.fixture
def journey(workspace):
    return build_map(workspace)

"""Two journeys whose notes differ in every way the board filters by."""

import pytest

from tests.touchpoints.board.helpers import Journey, add_note, draw_journey


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

import pytest
from django.urls import reverse

from tests.journeys.conftest import build_map

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def journey(workspace):
    return build_map(workspace, cards=3)


@pytest.fixture
def card(journey):
    return journey.touchpoints.order_by("pk").first()


@pytest.fixture
def note(card):
    """The card's open, high-severity friction (it also has a resolved critical one)."""
    return card.frictions.get(status="open")


def url(journey, name: str, *args) -> str:
    return reverse(f"journeys:{name}", args=[journey.workspace.slug, journey.pk, *args])

import pytest

from tests.factories import MembershipFactory
from tests.journeys.conftest import build_map
from workspaces.models import Role


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


@pytest.fixture
def marie(workspace):
    """A viewer with a two-word name, for mentions."""
    return MembershipFactory(workspace=workspace, role=Role.VIEWER, user__name="Marie Dupont").user

import pytest

from tests.factories import build_map


@pytest.fixture
def journey(workspace):
    """A smaller map than the other folders' `journey`: three cards, one on each stage."""
    return build_map(workspace, cards=3)

import pytest
from django.urls import reverse

from tests.journeys.conftest import build_map

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def journey(workspace):
    return build_map(workspace)


def url(journey, name: str, *args) -> str:
    return reverse(f"journeys:{name}", args=[journey.workspace.slug, journey.pk, *args])


def persona_key(journey) -> str:
    return journey.journey_personas.first().key

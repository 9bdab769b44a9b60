"""The map's emotion curve section is drawn once per state (maps/responses.py, curve_html):
the next page shows every change the curve draws, and each persona, language and journey
its own."""

import json
import re

import pytest

from evidence.models import Metric
from tests.factories import add_evidence, build_map
from tests.maps.helpers import url
from touchpoints.models import Touchpoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(workspace):
    return build_map(workspace, cards=4, personas=2)


@pytest.fixture
def curve(client, viewer, journey):
    """The curve section of the map page (the first persona's, or `persona`'s)."""
    client.force_login(viewer)

    def get(persona: str = "", language: str = "en") -> str:
        type(viewer).objects.filter(pk=viewer.pk).update(language=language)
        html = client.get(url(journey, "detail"), {"persona": persona}).content.decode()
        section = html[html.index('id="emotion_curve"') :]
        return section[: section.index("</section>")]

    get()
    return get


def plotted(section: str) -> list:
    figure = re.search(r'<script type="application/json">(.*?)</script>', section, re.S)[1]
    return json.loads(figure)["data"][0]["y"]


def test_a_cards_emotion_stage_and_persona_changed_show_on_the_next_page(curve, journey):
    before = plotted(curve())
    card = journey.touchpoints.filter(persona=journey.journey_personas.first().persona).first()
    Touchpoint.objects.filter(pk=card.pk).update(emotion=-2 if card.emotion != -2 else 2)
    assert plotted(curve()) != before

    journey.stages.filter(name="Buy").update(name="Checkout")
    assert "Checkout" in curve()

    persona = journey.journey_personas.first().persona
    type(persona).objects.filter(pk=persona.pk).update(name="Renamed Rita")
    assert "Renamed Rita" in curve()


def test_each_persona_and_language_has_its_own_curve(curve, journey):
    first, second = journey.journey_personas.order_by("position", "pk")
    assert first.persona.name in curve(first.key)
    assert second.persona.name in curve(second.key)
    assert "Emotion curve" in curve(language="en")
    assert "Courbe d" in curve(language="fr")


def test_a_measured_figure_shows_on_the_next_page(curve, journey):
    assert "Measured" not in curve()
    add_evidence(journey, 2)
    stage = journey.stages.get(name="Buy")
    Metric.objects.create(
        journey=journey, stage=stage, kind="csat", name="CSAT", value=1, unit="/5",
        period="2026-07", period_start="2026-07-01", period_end="2026-07-31",
    )  # fmt: skip
    measured = curve()
    assert "Measured" in measured
    Metric.objects.filter(name="CSAT").update(value=5)
    assert curve() != measured

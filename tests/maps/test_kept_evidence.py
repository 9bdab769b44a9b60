"""A map's evidence rows are kept between pages (maps/evidence_map.py): the next page shows
every change all the same, whether to the evidence itself (created, in bulk, updated or
deleted) or to the stages and cards the rows name, and each persona sees its own."""

import re

import pytest
from django.db import connection

from evidence.models import Metric, Verbatim
from journeys.models import Journey, Stage
from tests.factories import JourneyPersonaFactory, add_evidence, build_map
from tests.maps.helpers import url
from touchpoints.models import Touchpoint

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="kept only where triggers name its state"
)


@pytest.fixture
def journey(workspace):
    journey = build_map(workspace, cards=4, personas=2)
    add_evidence(journey, 2)
    return journey


@pytest.fixture
def page(client, viewer, journey, django_assert_num_queries):
    """The map's HTML. `kept=True`: its evidence rows must be kept from the page before, the
    four queries that read them not asked again (the first page in the fixture reads them)."""
    client.force_login(viewer)

    def get(*, kept: bool = False, **params) -> str:
        if not kept:
            return client.get(url(journey, "detail"), params).content.decode()
        with django_assert_num_queries(11):
            return client.get(url(journey, "detail"), params).content.decode()

    get()
    return get


def quotes_per_stage(html: str) -> list[str]:
    """The quotes chip of each stage's cell of the Metrics row ("" for none)."""
    row = html[html.index('id="metrics_row"') :]
    row = row[: row.index("</tr>")]
    return [
        re.search(r"\d+ quotes?", cell)[0] if "chip--quotes" in cell else ""
        for cell in row.split("<td>")[1:]
    ]


def test_a_new_metric_and_quote_show_on_the_next_page(page, journey):
    assert "Brand-new figure" not in page(kept=True)
    stage = journey.stages.get(name="Buy")
    Metric.objects.create(
        journey=journey, stage=stage, kind="custom", name="Brand-new figure", value=7,
        period="2026-07", period_start="2026-07-01", period_end="2026-07-31",
    )  # fmt: skip
    Verbatim.objects.bulk_create([Verbatim(journey=journey, stage=stage, text="Brand-new quote")])

    html = page()

    assert "Brand-new figure" in html
    assert "Brand-new quote" in html


def test_edited_and_deleted_evidence_shows_on_the_next_page(page, journey):
    quote = Verbatim.objects.filter(journey=journey).order_by("pk").last()
    assert quote.text in page(kept=True)
    Verbatim.objects.filter(pk=quote.pk).update(text="Said otherwise")
    Metric.objects.filter(journey=journey).delete()

    html = page()

    assert "Said otherwise" in html
    assert "chip--metric" not in html


def test_a_renamed_card_or_stage_is_named_so_in_the_evidence_lists(page, journey):
    card = Metric.objects.filter(journey=journey, touchpoint__isnull=False).first().touchpoint
    lists = page(kept=True).split('id="map_evidence"')[1]
    assert "Renamed card" not in lists
    Touchpoint.objects.filter(pk=card.pk).update(title="Renamed card")
    Stage.objects.filter(journey=journey).update(name="Renamed stage")

    lists = page().split('id="map_evidence"')[1]

    assert "Renamed card" in lists
    assert "Renamed stage" in lists


def test_a_card_moved_to_another_stage_takes_its_quotes_there(page, journey):
    assert quotes_per_stage(page(kept=True)) == ["2 quotes", "2 quotes", ""]
    card = Verbatim.objects.get(journey=journey, touchpoint__stage__name="Notice").touchpoint
    Touchpoint.objects.filter(pk=card.pk).update(stage=journey.stages.get(name="Buy"))

    assert quotes_per_stage(page()) == ["1 quote", "2 quotes", "1 quote"]


def test_each_persona_has_its_own_evidence(page, journey):
    """Two personas without cards, one with a quote of its own: their maps differ."""
    second = journey.journey_personas.exclude(persona__touchpoints__isnull=False).get()
    third = JourneyPersonaFactory(journey=journey)
    Verbatim.objects.create(
        journey=journey, stage=journey.stages.get(name="Buy"), persona=second.persona, text="Mine"
    )

    assert quotes_per_stage(page(persona=second.key)) == ["1 quote", "1 quote", "1 quote"]
    # The stages' quotes for everyone, not the first persona's cards' nor the second's own.
    assert quotes_per_stage(page(persona=third.key)) == ["1 quote", "1 quote", ""]


def test_the_journeys_language_marks_the_lists_at_once(page, journey):
    assert '<blockquote lang="en">' in page(kept=True)
    Journey.objects.filter(pk=journey.pk).update(language="fr")

    assert '<blockquote lang="fr">' in page(kept=True)  # the rows kept, the lists drawn again

import pytest
from playwright.sync_api import expect

from evidence.models import Metric, Verbatim
from tests.browser.helpers import log_in
from tests.evidence.helpers import ENGLISH_QUOTES, FRENCH_METRICS, csv_bytes, fashion_journey

pytestmark = pytest.mark.browser


def test_an_editor_imports_an_export_and_the_map_shows_its_figures_and_quotes(
    live_server, page, editor, workspace, tmp_path
):
    journey = fashion_journey(workspace)
    metrics = tmp_path / "indicateurs.csv"
    metrics.write_bytes(csv_bytes(FRENCH_METRICS, separator=";", bom=True))
    quotes = tmp_path / "quotes.csv"
    quotes.write_bytes(csv_bytes([*ENGLISH_QUOTES, ["Nowhere", "", "Lost.", "", "", "", ""]]))

    log_in(page, live_server, editor)
    page.goto(live_server.url + journey.get_absolute_url())
    page.get_by_role("link", name="Import evidence").click()
    page.get_by_label("Survey or analytics export (.csv or .xlsx)").set_input_files(metrics)
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("cell", name="41,5")).to_be_visible()
    expect(page.get_by_label("Metric")).to_have_value("2")
    assert not Metric.objects.exists()
    page.get_by_role("button", name="Import 3 rows").click()
    expect(page.get_by_text("3 metrics and 0 quotes imported.")).to_be_visible()

    # A broken file: the report names the line; nothing can be imported until it is fixed.
    page.get_by_role("link", name="Import evidence").click()
    page.get_by_label("Survey or analytics export (.csv or .xlsx)").set_input_files(quotes)
    page.get_by_role("button", name="Preview").click()
    expect(
        page.get_by_text("line 5, column “stage”: no stage “Nowhere” in this journey.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Import 3 rows")).to_have_count(0)
    assert not Verbatim.objects.exists()

    # The map: the card's chip with its verdict in words, the Metrics row, the card's quotes.
    page.goto(live_server.url + journey.get_absolute_url())
    card = page.locator(".touchpoint", has_text="Fiche produit")
    expect(card.get_by_text("Taux de rebond 39%")).to_be_visible()
    expect(card.get_by_text("off target")).to_be_visible()
    expect(page.locator("#metrics_row").get_by_text("CSAT 3.4/5")).to_be_visible()
    card.get_by_role("link", name="Fiche produit").click()
    panel = page.locator("#card_panel")
    expect(panel.get_by_role("heading", name="Evidence")).to_be_visible()
    expect(
        panel.get_by_role(
            "img", name="Trend of Taux de rebond across periods; the table below gives the figures."
        )
    ).to_be_visible()
    expect(panel.locator(".js-plotly-plot")).to_have_count(1)


def test_quotes_are_filtered_by_sentiment_and_turned_into_friction_notes(
    live_server, page, editor, workspace
):
    journey = fashion_journey(workspace)
    card = journey.touchpoints.get(title="Paiement")
    Verbatim.objects.create(
        journey=journey,
        touchpoint=card,
        text="Payment failed twice.",
        sentiment=-2,
        source="Survey",
    )
    Verbatim.objects.create(journey=journey, touchpoint=card, text="Smooth this time.", sentiment=2)

    log_in(page, live_server, editor)
    page.goto(live_server.url + journey.get_absolute_url())
    page.locator(".touchpoint", has_text="Paiement").get_by_role("link", name="Paiement").click()
    panel = page.locator("#card_panel")
    expect(panel.get_by_text("Smooth this time.")).to_be_visible()
    panel.get_by_role("navigation", name="Filter quotes by sentiment").get_by_role(
        "link", name="Very negative"
    ).click()
    expect(panel.get_by_text("Smooth this time.")).to_have_count(0)
    panel.get_by_role("button", name="Turn into a friction note").click()
    expect(panel.get_by_text("“Payment failed twice.” — Survey")).to_be_visible()
    expect(page.locator("#map_summary")).to_contain_text("3 frictions")  # Achat had two

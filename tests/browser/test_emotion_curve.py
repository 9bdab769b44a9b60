import re

import pytest
from playwright.sync_api import expect

from maps.interchange.importing import import_journey
from tests.browser.helpers import log_in
from tests.maps.helpers import DEMO_DIR

pytestmark = pytest.mark.browser

DEMO_FILE = DEMO_DIR / "fr-bricolage-deux-personas.json"


@pytest.fixture
def journey(owner, workspace):
    return import_journey(workspace, DEMO_FILE.read_bytes(), user=owner)


def open_map(page, live_server, user, journey):
    log_in(page, live_server, user)
    page.get_by_role("link", name=journey.title).click()
    expect(page.get_by_role("heading", name=journey.title, level=1)).to_be_visible()


def test_map_shows_the_personas_curve_and_compares_it_with_the_others(
    live_server, page, viewer, journey
):
    open_map(page, live_server, viewer, journey)

    chart = page.get_by_role("img", name=re.compile("^Emotion curve of Julie Roussel per stage"))
    expect(chart).to_be_visible()
    expect(chart).to_have_accessible_name(re.compile("Considération: Neutral, −0.3"))
    # plotly drew the line: the chart holds its SVG, sized to the card it sits in.
    expect(chart.locator("svg.main-svg").first).to_be_visible()

    page.get_by_role("link", name="Compare personas").click()

    expect(page.get_by_role("heading", name="Emotion curves compared")).to_be_visible()
    compared = page.get_by_role("img", name=re.compile("^Emotion curves of 2 personas"))
    expect(compared).to_have_accessible_name(re.compile("Karim Benali: lowest at Considération"))
    page.get_by_text("Show as table").click()
    table = page.get_by_role("table", name="Average emotion per stage and persona")
    expect(table.get_by_role("rowheader", name="Julie Roussel")).to_be_visible()
    expect(table.get_by_role("rowheader", name="Karim Benali")).to_be_visible()
    expect(table.get_by_role("columnheader", name="Fidélisation")).to_be_visible()
    assert page.url.endswith(journey.get_absolute_url()), "the map stays where it was"

    page.get_by_role("link", name="This persona").click()

    expect(
        page.get_by_role("img", name=re.compile("^Emotion curve of Julie Roussel"))
    ).to_be_visible()


def test_curve_follows_a_card_change_without_a_reload(live_server, page, viewer, journey):
    open_map(page, live_server, viewer, journey)
    page.get_by_role("link", name="Karim Benali").click()
    expect(page.get_by_role("img", name=re.compile("Achat: Delighted, \\+1.5"))).to_be_visible()
    page.evaluate("window.notReloaded = true")

    journey.touchpoints.filter(key="karim12").update(emotion=-2)
    # What the map's write views do after every card change: `HX-Trigger: mapChanged`.
    page.evaluate("htmx.trigger(document.body, 'mapChanged')")

    expect(page.get_by_role("img", name=re.compile("Achat: Neutral, −0.5"))).to_be_visible()
    assert page.evaluate("window.notReloaded") is True

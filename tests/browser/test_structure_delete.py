"""Deleting stages and channels from their header menus: the grid stays one grid."""

import pytest
from playwright.sync_api import expect

from journeys.models import Journey
from tests.browser.helpers import log_in
from tests.factories import JourneyPersonaFactory, PersonaFactory, TouchpointFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def journey(workspace, owner):
    journey = Journey.create_with_defaults(workspace, "Buy a drill", user=owner)
    link = JourneyPersonaFactory(
        journey=journey, persona=PersonaFactory(workspace=workspace, name="Sam Carter")
    )
    # One card at Purchase × Store: that stage and that lane are "full", the others empty.
    TouchpointFactory(
        journey=journey,
        persona=link.persona,
        stage=journey.stages.get(key="purchase"),
        channel=journey.channels.get(key="store"),
        title="Asks a clerk",
    )
    return journey


def open_menu(page, name: str):
    page.get_by_label(f"Actions for {name}", exact=True).click()


def expect_one_grid(page, stages: list[str], lanes: list[str]):
    expect(page.locator("table.map")).to_have_count(1)
    expect(page.locator("#map_grid")).to_have_count(1)
    headers = page.locator("table.map thead th.stage .stage-name")
    expect(headers).to_have_text(stages)
    expect(page.locator("table.map tbody.map-lanes th.lane .lane-name")).to_have_text(lanes)
    # Every lane has one cell per stage.
    # Asked of the grid as it is at each poll, not of rows listed once: a live update may
    # redraw the grid after the delete, and rows listed before it would be gone.
    page.wait_for_function(
        """count => [...document.querySelectorAll("table.map tbody.map-lanes tr[data-id]")]
            .every(row => row.querySelectorAll("td.cell").length === count)""",
        arg=len(stages),
    )


def test_deleting_empty_and_full_stages_and_channels_keeps_one_grid(
    live_server, page, editor, journey
):
    log_in(page, live_server, editor)
    page.goto(live_server.url + journey.get_absolute_url())
    stages = ["Awareness", "Consideration", "Purchase", "After-sales", "Loyalty"]
    lanes = ["Website", "Mobile app", "Store", "Email", "Social media", "Phone", "Word of mouth"]
    expect_one_grid(page, stages, lanes)

    # An empty stage goes at once.
    open_menu(page, "Consideration")
    page.get_by_role("button", name="Delete…").filter(visible=True).click()
    stages.remove("Consideration")
    expect_one_grid(page, stages, lanes)
    expect(page.get_by_role("status")).to_contain_text("“Consideration” deleted.")

    # An empty channel too.
    open_menu(page, "Email")
    page.get_by_role("button", name="Delete…").filter(visible=True).click()
    lanes.remove("Email")
    expect_one_grid(page, stages, lanes)

    # A full stage asks first, naming its card, then goes with it.
    open_menu(page, "Purchase")
    page.get_by_role("button", name="Delete…").filter(visible=True).click()
    expect(page.get_by_role("alertdialog")).to_contain_text("Delete “Purchase” and the 1 card")
    page.get_by_role("button", name="Delete with 1 card").click()
    stages.remove("Purchase")
    expect_one_grid(page, stages, lanes)
    expect(page.get_by_role("link", name="Asks a clerk")).to_have_count(0)

    # A full channel likewise (a new card in Store first).
    page.get_by_label("Add card in Store, Awareness").click()
    page.get_by_role("textbox", name="Title of the new card").filter(visible=True).fill("Window")
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Window")).to_be_visible()
    open_menu(page, "Store")
    page.get_by_role("button", name="Delete…").filter(visible=True).click()
    page.get_by_role("button", name="Delete with 1 card").click()
    lanes.remove("Store")
    expect_one_grid(page, stages, lanes)

    page.reload()
    expect_one_grid(page, stages, lanes)

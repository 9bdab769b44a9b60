"""Drawing a journey on the map as a user does: by role and visible label, in Chromium."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from journeys.models import Journey
from tests.browser.helpers import log_in
from tests.factories import JourneyPersonaFactory, PersonaFactory
from touchpoints.models import Touchpoint

pytestmark = pytest.mark.browser


@pytest.fixture
def journey(workspace, owner):
    journey = Journey.create_with_defaults(workspace, "Buy a drill", user=owner)
    for name in ("Sam Carter", "Nadia Benali"):
        JourneyPersonaFactory(
            journey=journey, persona=PersonaFactory(workspace=workspace, name=name)
        )
    return journey


def open_map(page, live_server, user, journey):
    log_in(page, live_server, user)
    page.goto(live_server.url + journey.get_absolute_url())
    expect(page.get_by_role("heading", name=journey.title, level=1)).to_be_visible()


def curve_drawn(page):
    """The first card turns the empty curve into a chart, which pushes the grid down: a user
    drags once the page has stopped moving."""
    expect(page.get_by_role("img", name=re.compile("^Emotion curve of"))).to_be_visible()


def drag(page, source, target, across: float = 0.5):
    """Press on `source`, move in steps as a hand does, rest over `target` (`across` its width
    from the left), release. The pauses (after the press, before the drop) are a hand's: they
    let SortableJS, which starts a drag and follows the pointer on timers, keep up however busy
    the machine is."""
    source.evaluate("element => element.scrollIntoView({block: 'center'})")
    start, end = source.bounding_box(), target.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + 10)
    page.mouse.down()
    page.wait_for_timeout(100)
    page.mouse.move(start["x"] + start["width"] / 2 + 5, start["y"] + 15)
    page.wait_for_timeout(100)
    x, y = end["x"] + end["width"] * across, end["y"] + 16
    page.mouse.move(x, y, steps=15)
    for nudge in (1, -1, 1):
        page.wait_for_timeout(80)
        page.mouse.move(x + nudge, y)
    page.mouse.up()


def add_card(page, channel: str, stage: str, title: str):
    page.get_by_label(f"Add card in {channel}, {stage}").click()
    page.get_by_role("textbox", name="Title of the new card").filter(visible=True).fill(title)
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name=title)).to_be_visible()


def test_editor_draws_a_journey_and_it_survives_a_reload(live_server, page, editor, journey):
    open_map(page, live_server, editor, journey)

    # A stage, added then renamed in place.
    page.get_by_text("+ Add stage").click()
    page.get_by_label("New stage").fill("Delivery")
    page.get_by_role("button", name="Add stage").click()
    expect(page.get_by_role("columnheader", name="Delivery")).to_be_visible()
    page.get_by_label("Actions for Delivery").click()
    page.get_by_role("link", name="Rename or describe…").click()
    page.get_by_label("Name").fill("Home delivery")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("columnheader", name="Home delivery")).to_be_visible()

    # A card in a cell, then its emotion in the card panel.
    add_card(page, "Website", "Awareness", "Sees a drill ad")
    page.get_by_role("link", name="Sees a drill ad").click()
    page.get_by_label("Frustrated").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    card = page.locator("li", has=page.get_by_role("link", name="Sees a drill ad"))
    expect(card).to_contain_text("Frustrated")
    page.get_by_role("link", name="Close").click()
    curve_drawn(page)

    # Dragged to another cell: the store at the purchase stage.
    target = page.get_by_role("row", name="Store").get_by_role("cell").nth(2)
    with page.expect_response(lambda response: response.url.endswith("/move/")):
        drag(page, card, target)
    expect(target.get_by_role("link", name="Sees a drill ad")).to_be_visible()

    page.reload()
    target = page.get_by_role("row", name="Store").get_by_role("cell").nth(2)
    expect(target.get_by_role("link", name="Sees a drill ad")).to_be_visible()
    moved = Touchpoint.objects.get(title="Sees a drill ad")
    assert (moved.stage.name, moved.channel.name, moved.emotion) == ("Purchase", "Store", -2)


def test_keyboard_user_moves_a_card_with_the_panel(live_server, page, editor, journey):
    open_map(page, live_server, editor, journey)
    add_card(page, "Email", "Consideration", "Reads the newsletter")

    page.get_by_role("link", name="Reads the newsletter").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Stage", exact=True).select_option(label="Loyalty")
    page.get_by_role("button", name="Move to this cell").click()

    expect(page.get_by_text("Moved.")).to_be_visible()
    cell = page.get_by_role("row", name="Email").get_by_role("cell").nth(4)
    expect(cell.get_by_role("link", name="Reads the newsletter")).to_be_visible()


def test_switching_persona_keeps_the_grid_and_shows_their_cards(live_server, page, editor, journey):
    open_map(page, live_server, editor, journey)
    add_card(page, "Store", "Purchase", "Pays at the till")

    page.get_by_role("link", name="Nadia Benali").click()

    expect(page.get_by_role("link", name="Nadia Benali")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("columnheader", name="Purchase")).to_be_visible()
    expect(page.get_by_role("link", name="Pays at the till")).to_have_count(0)
    assert "persona=" in page.url


def test_deleted_card_comes_back_with_undo(live_server, page, editor, journey):
    open_map(page, live_server, editor, journey)
    add_card(page, "Phone", "After-sales", "Calls support")

    page.get_by_role("link", name="Calls support").click()
    # As a person would: the card's panel is open on it before its Delete is pressed.
    expect(page.get_by_role("textbox", name="Title", exact=True)).to_have_value("Calls support")
    page.get_by_role("button", name="Delete card").click()
    expect(page.get_by_role("link", name="Calls support")).to_have_count(0)
    page.get_by_role("button", name="Undo").click()

    expect(page.get_by_role("link", name="Calls support")).to_be_visible()


def test_viewer_sees_the_map_without_edit_controls(live_server, page, viewer, journey):
    open_map(page, live_server, viewer, journey)

    expect(page.get_by_role("columnheader", name="Awareness")).to_be_visible()
    for control in ("Add stage", "Add channel", "Personas…"):
        expect(page.get_by_text(control)).to_have_count(0)
    expect(page.get_by_label("Actions for Awareness")).to_have_count(0)
    expect(page.get_by_label("Add card in Website, Awareness")).to_have_count(0)
    assert reverse("journeys:detail", args=[journey.workspace.slug, journey.pk]) in page.url


def test_dragging_a_column_reorders_the_stages_and_keeps_the_persona(
    live_server, page, editor, journey
):
    open_map(page, live_server, editor, journey)
    page.get_by_role("link", name="Nadia Benali").click()
    add_card(page, "Email", "Loyalty", "Gets a loyalty voucher")
    curve_drawn(page)

    grip = page.get_by_role("columnheader", name="Loyalty").get_by_title("Drag to reorder")
    drag(page, grip, page.get_by_role("columnheader", name="Awareness"), across=0.2)

    expect(page.get_by_role("columnheader").first).to_contain_text("Loyalty")
    # The grid drawn again is still Nadia's: her card is there, in its column.
    cell = page.get_by_role("row", name="Email").get_by_role("cell").first
    expect(cell.get_by_role("link", name="Gets a loyalty voucher")).to_be_visible()
    names = list(journey.stages.values_list("name", flat=True))
    assert names[0] == "Loyalty"

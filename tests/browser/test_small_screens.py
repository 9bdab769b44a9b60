"""Phones and tablets (390 and 768 px wide): no page scrolls sideways, the nav folds into a menu,
the map scrolls in its own frame with sticky headers, the card panel is a full-screen sheet,
the board's rows are stacked cards. And on a desktop, the card panel leaves the map visible."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.helpers import log_in
from tests.factories import ChannelFactory, build_map
from touchpoints.models import Mention

pytestmark = pytest.mark.browser

SIDEWAYS = "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"


@pytest.fixture
def journey(workspace, owner):
    journey = build_map(workspace, cards=12)
    # A long lane name and a mention, the content that used to push pages sideways.
    journey.channels.filter(name="Store").update(name="Community & reviews")
    note = journey.touchpoints.first().frictions.first()
    comment = note.post_comment(owner, "Look at this", [owner], workspace.pk)
    assert Mention.objects.filter(comment=comment).exists()
    # A long map: more lanes than a screen holds.
    for n in range(10):
        ChannelFactory(journey=journey, name=f"Lane {n}", position=2 + n)
    return journey


def narrow_page(browser, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    return context, context.new_page()


@pytest.mark.parametrize("width", [390, 768])
def test_no_page_scrolls_sideways(live_server, browser, owner, workspace, journey, width):
    context, page = narrow_page(browser, width)
    log_in(page, live_server, owner)
    slug = workspace.slug
    urls = {
        "journeys": reverse("journeys:list", args=[slug]),
        "map": journey.get_absolute_url(),
        "board": reverse("frictions:board", args=[slug]),
        "personas": reverse("personas:list", args=[slug]),
        "members": reverse("workspaces:members", args=[slug]),
        "mentions": reverse("workspaces:mentions", args=[slug]),
        "profile": reverse("profile"),
    }
    overflowing = {}
    for name, url in urls.items():
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        if extra := page.evaluate(SIDEWAYS):
            overflowing[name] = extra
    context.close()
    assert overflowing == {}


def test_on_a_phone_the_nav_is_a_menu(live_server, browser, owner, workspace, journey):
    context, page = narrow_page(browser, 390)
    log_in(page, live_server, owner)
    page.goto(live_server.url + reverse("journeys:list", args=[workspace.slug]))
    mentions = page.get_by_role("link", name="Mentions")
    expect(mentions).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(mentions).to_be_visible()
    mentions.click()
    expect(page.get_by_role("heading", name="Mentions", level=1)).to_be_visible()
    context.close()


def test_on_a_wide_screen_the_nav_is_a_bar(live_server, page, owner, workspace, journey):
    log_in(page, live_server, owner)
    page.goto(live_server.url + reverse("journeys:list", args=[workspace.slug]))
    expect(page.get_by_role("link", name="Mentions")).to_be_visible()
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()


def test_on_a_phone_the_map_scrolls_in_its_frame_with_sticky_headers(
    live_server, browser, owner, journey
):
    context, page = narrow_page(browser, 390)
    log_in(page, live_server, owner)
    page.goto(live_server.url + journey.get_absolute_url())
    frame = page.locator("#map_grid")
    frame.evaluate("element => element.scrollIntoView()")
    stage = page.get_by_role("columnheader", name="Notice")
    lane = page.get_by_role("rowheader", name="Website")
    stage_top, lane_left = stage.bounding_box()["y"], lane.bounding_box()["x"]
    frame.evaluate("element => element.scrollBy(400, 300)")
    page.wait_for_timeout(100)
    assert frame.evaluate("element => [element.scrollLeft > 0, element.scrollTop > 0]") == [
        True,
        True,
    ]
    assert stage.bounding_box()["y"] == pytest.approx(stage_top, abs=1)
    assert lane.bounding_box()["x"] == pytest.approx(lane_left, abs=1)
    assert page.evaluate(SIDEWAYS) == 0

    # The card panel: a sheet over the whole screen.
    page.get_by_role("link", name=journey.touchpoints.first().title).first.click()
    panel = page.get_by_role("complementary", name="Card")
    expect(panel.get_by_role("heading", name="Edit card")).to_be_visible()
    box = panel.bounding_box()
    assert (box["x"], box["width"]) == (0, 390)
    context.close()


def test_on_a_phone_board_rows_are_stacked_cards(live_server, browser, owner, workspace, journey):
    context, page = narrow_page(browser, 390)
    log_in(page, live_server, owner)
    page.goto(live_server.url + reverse("frictions:board", args=[workspace.slug]))
    row = page.locator(".board-table tbody tr").first
    title = row.locator(".board-title")
    severity = row.locator("td").first
    # The title is under the severity, the full width of the card, not in a column beside it.
    assert title.bounding_box()["y"] > severity.bounding_box()["y"]
    assert title.bounding_box()["width"] > 300
    # Without column headers, the owner's cell says what it is (a label from CSS).
    expect(row.get_by_role("cell", name=re.compile("^Owner team"))).to_be_visible()
    context.close()


def test_the_card_panel_leaves_the_last_column_visible(live_server, page, owner, journey):
    log_in(page, live_server, owner)
    page.goto(live_server.url + journey.get_absolute_url())
    page.get_by_role("link", name=journey.touchpoints.first().title).first.click()
    panel = page.get_by_role("complementary", name="Card")
    expect(panel.get_by_role("heading", name="Edit card")).to_be_visible()
    frame = page.locator("#map_grid")
    frame.evaluate("element => element.scrollBy(10000, 0)")
    last = page.get_by_role("columnheader", name="Buy")
    last.scroll_into_view_if_needed()
    box = last.bounding_box()
    assert box["x"] + box["width"] <= panel.bounding_box()["x"]


def test_stage_headers_stay_on_top_of_a_long_map(live_server, page, owner, journey):
    log_in(page, live_server, owner)
    page.goto(live_server.url + journey.get_absolute_url())
    frame = page.locator("#map_grid")
    frame.evaluate("element => element.scrollIntoView()")
    stage = page.get_by_role("columnheader", name="Compare")
    top = stage.bounding_box()["y"]
    frame.evaluate("element => element.scrollBy(0, 800)")
    page.wait_for_timeout(100)
    assert frame.evaluate("element => element.scrollTop") > 0
    assert stage.bounding_box()["y"] == pytest.approx(top, abs=1)
    expect(stage).to_be_in_viewport()

"""The friction board as a teammate uses it: filter, share the URL, jump to the card."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.helpers import log_in
from tests.touchpoints.board.helpers import add_note, draw_journey

pytestmark = pytest.mark.browser


def test_viewer_filters_the_board_and_opens_a_card_on_the_map(live_server, page, viewer, workspace):
    drill = draw_journey(workspace, "Buy a drill", ["Awareness", "Purchase"], ["Website"], ["Sam"])
    add_note(
        drill,
        stage="Purchase",
        channel="Website",
        persona="Sam",
        title="Checkout refuses the card",
        severity="critical",
    )
    add_note(
        drill,
        stage="Awareness",
        channel="Website",
        persona="Sam",
        title="Ads promise a discount",
        severity="low",
    )

    log_in(page, live_server, viewer)
    page.goto(live_server.url + reverse("frictions:board", args=[workspace.slug]))
    expect(page.get_by_role("heading", name="2 frictions")).to_be_visible()

    page.get_by_label("Critical").check()

    expect(page).to_have_url(re.compile(r"\?severity=critical$"))
    expect(page.get_by_role("heading", name="1 friction", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Ads promise a discount")).to_have_count(0)
    # The filtered board is a link to share: opened afresh, it shows the same.
    page.reload()
    expect(page.get_by_label("Critical")).to_be_checked()
    expect(page.get_by_role("link", name="Ads promise a discount")).to_have_count(0)

    page.get_by_role("link", name="Checkout refuses the card").click()

    expect(page.get_by_role("heading", name="Buy a drill", level=1)).to_be_visible()
    panel = page.get_by_role("complementary", name="Card")
    expect(panel.get_by_role("heading", name="Card at Purchase")).to_be_visible()
    expect(panel).to_contain_text("Purchase · Website · Sam")

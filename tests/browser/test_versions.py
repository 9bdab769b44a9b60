"""A journey through time as a user lives it: take a version, change a card, compare the two,
restore the version. In Chromium, by role and visible label."""

import pytest
from playwright.sync_api import expect

from journeys.models import Journey
from maps.interchange.importing import import_journey
from tests.browser.helpers import log_in
from tests.maps.helpers import DEMO_DIR
from tests.versions.helpers import exported

pytestmark = pytest.mark.browser


def test_take_a_version_change_a_card_compare_and_restore(page, live_server, workspace, editor):
    journey = import_journey(workspace, (DEMO_DIR / "en-saas-onboarding.json").read_bytes())
    before = exported(journey)
    card = journey.touchpoints.order_by("pk").first()
    log_in(page, live_server, editor)
    page.goto(live_server.url + journey.get_absolute_url())

    # A version, named by hand.
    page.get_by_role("link", name="Versions").click()
    page.get_by_label("Label of the version").fill("Before the trial redesign")
    page.get_by_role("button", name="Save this version").click()
    expect(page.get_by_text("Version “Before the trial redesign” saved.")).to_be_visible()
    expect(page.get_by_role("link", name="Before the trial redesign")).to_be_visible()

    # A card renamed on the map.
    page.get_by_role("link", name="Back to the map").click()
    page.get_by_role("link", name=card.title).click()
    page.get_by_label("Title").fill("Signs up with Google")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved.")).to_be_visible()

    # The comparison names the change, in a list and per stage.
    page.get_by_role("link", name="Versions").click()
    page.get_by_role("link", name="Compare with now").click()
    expect(page.get_by_role("heading", name="Before the trial redesign → Now")).to_be_visible()
    changes = page.get_by_role("region", name="Change list")
    expect(changes).to_contain_text(f"title “{card.title}” → “Signs up with Google”")
    expect(
        page.get_by_role(
            "img", name="Emotion curves per stage: Before the trial redesign dashed, Now solid."
        )
    ).to_be_visible()

    # The version, read-only, then restored in place.
    page.get_by_role("link", name="Versions").first.click()
    page.get_by_role("link", name="Open").click()
    expect(
        page.get_by_text("You are looking at the version “Before the trial redesign”")
    ).to_be_visible()
    expect(page.get_by_role("link", name=card.title)).to_be_visible()
    expect(page.get_by_role("link", name="Add card", exact=False)).to_have_count(0)
    page.get_by_role("button", name="Restore this version").click()
    expect(
        page.get_by_text("The journey is back as it was in “Before the trial redesign”.")
    ).to_be_visible()
    expect(page).to_have_url(live_server.url + journey.get_absolute_url())
    expect(page.get_by_role("link", name=card.title)).to_be_visible()
    assert exported(Journey.objects.get(pk=journey.pk)) == before

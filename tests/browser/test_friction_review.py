"""Reviewing frictions as a team, in Chromium: note a friction on a card, discuss it with an
@mention, the mentioned teammate finds it in Mentions, the note is resolved."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from journeys.models import Journey
from tests.browser.helpers import log_in
from tests.factories import JourneyPersonaFactory, MembershipFactory, TouchpointFactory
from workspaces.models import Role

pytestmark = pytest.mark.browser


@pytest.fixture
def journey(workspace, owner):
    journey = Journey.create_with_defaults(workspace, "Buy a drill", user=owner)
    link = JourneyPersonaFactory(journey=journey)
    TouchpointFactory(
        journey=journey,
        persona=link.persona,
        stage=journey.stages.get(key="purchase"),
        channel=journey.channels.first(),
        title="Pay at the till",
    )
    return journey


@pytest.fixture
def marie(workspace):
    return MembershipFactory(
        workspace=workspace, role=Role.COMMENTER, user__name="Marie Dupont"
    ).user


def friction_row(page):
    return page.get_by_role("row", name=re.compile(r"^Frictions unresolved"))


def test_team_notes_discusses_and_resolves_a_friction(
    live_server, browser, page, editor, marie, journey
):
    log_in(page, live_server, editor)
    page.goto(live_server.url + journey.get_absolute_url())
    expect(friction_row(page)).not_to_contain_text("friction")
    page.get_by_role("link", name="Pay at the till").click()

    # A friction on the card: the card and the map's friction row show it at once.
    panel = page.get_by_role("complementary", name="Card")
    panel.get_by_text("Add a friction").click()
    panel.get_by_label("What hurts?").fill("Only one till open at lunchtime")
    panel.get_by_label("Severity").select_option(label="Critical")
    panel.get_by_role("button", name="Add friction").click()
    expect(panel.get_by_text("Only one till open at lunchtime", exact=True)).to_be_visible()
    expect(
        page.locator("#map_grid").get_by_role("listitem").filter(has_text="Pay at the till")
    ).to_contain_text("1 friction")
    expect(friction_row(page)).to_contain_text("1 friction")
    expect(friction_row(page)).to_contain_text("Critical")

    # A comment naming Marie, picked from the suggestions.
    comment_box = panel.get_by_role("textbox", name="Comment")
    comment_box.press_sequentially("Can you count the queue, @Mar")
    panel.get_by_role("option", name=re.compile("Marie Dupont")).click()
    expect(comment_box).to_have_value("Can you count the queue, @Marie Dupont ")
    comment_box.press_sequentially("on Saturday?")
    panel.get_by_role("button", name="Post comment").click()
    expect(panel.get_by_text("on Saturday?")).to_be_visible()
    expect(comment_box).to_have_value("")

    # Marie sees it in her Mentions, unread, and opens it on the map.
    marie_page = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    log_in(marie_page, live_server, marie)
    mentions = marie_page.get_by_role("link", name=re.compile(r"^Mentions"))
    expect(mentions).to_contain_text("1 unread")
    mentions.click()
    expect(marie_page.get_by_text("1 unread mention")).to_be_visible()
    expect(
        marie_page.get_by_text("mentioned you on “Only one till open at lunchtime”")
    ).to_be_visible()
    marie_page.get_by_role("link", name="Open on the map").click()
    expect(marie_page.get_by_text("Can you count the queue,")).to_be_visible()
    expect(marie_page.get_by_role("link", name=re.compile(r"^Mentions"))).not_to_contain_text(
        "unread"
    )
    marie_page.context.close()

    # The editor resolves it: the friction row has nothing unresolved left.
    panel.get_by_role("button", name="Resolve").click()
    expect(panel.get_by_role("button", name="Reopen")).to_be_visible()
    expect(friction_row(page)).not_to_contain_text("friction")
    expect(friction_row(page)).to_contain_text("None")
    assert reverse("workspaces:mentions", args=[journey.workspace.slug])

"""Mentions typed by hand, as hands type them: without accents or capitals, by first name; a
first name two members share asks which one, in English and in French."""

import re

import pytest
from playwright.sync_api import expect

from journeys.models import Journey
from tests.browser.helpers import log_in
from tests.factories import (
    FrictionNoteFactory,
    JourneyPersonaFactory,
    MembershipFactory,
    TouchpointFactory,
)
from touchpoints.models import Mention

pytestmark = pytest.mark.browser

WORDS = {
    "en": {"comment": "Comment", "post": "Post comment", "or": "or"},
    "fr": {"comment": "Commentaire", "post": "Publier le commentaire", "or": "ou"},
}


@pytest.fixture
def card(workspace, owner):
    journey = Journey.create_with_defaults(workspace, "Buy a drill", user=owner)
    link = JourneyPersonaFactory(journey=journey)
    card = TouchpointFactory(
        journey=journey,
        persona=link.persona,
        stage=journey.stages.first(),
        channel=journey.channels.first(),
        title="Pay at the till",
    )
    card.note = FrictionNoteFactory(touchpoint=card, title="Only one till open")
    return card


@pytest.mark.parametrize("language", ["en", "fr"])
def test_first_names_typed_by_hand_find_the_member_and_shared_ones_ask(
    live_server, page, editor, workspace, card, language
):
    words = WORDS[language]
    elodie = MembershipFactory(workspace=workspace, user__name="Élodie Garnier").user
    log_in(page, live_server, editor)
    if language == "fr":
        page.context.add_cookies(
            [{"name": "django_language", "value": "fr", "url": live_server.url}]
        )
    query = f"?card={card.pk}&friction={card.note.pk}"
    page.goto(f"{live_server.url}{card.journey.get_absolute_url()}{query}")
    panel = page.locator("#card_panel")

    # Typed without its accent, not picked from the suggestions: it still names her.
    box = panel.get_by_role("textbox", name=words["comment"], exact=True)
    box.fill("@elodie can you check the queue?")
    panel.get_by_role("button", name=words["post"]).click()
    expect(panel.locator(".mention", has_text="@elodie")).to_be_visible()
    assert Mention.objects.filter(user=elodie).count() == 1

    # A second Élodie: the same words now ask which one.
    MembershipFactory(workspace=workspace, user__name="Élodie Martin")
    box.fill("@Élodie again?")
    panel.get_by_role("button", name=words["post"]).click()
    expect(
        panel.get_by_text(re.compile(r"Élodie Garnier " + words["or"] + r" Élodie Martin"))
    ).to_be_visible()
    expect(box).to_have_value("@Élodie again?")

    # A letter of the last name settles it.
    box.fill("@Élodie M again?")
    panel.get_by_role("button", name=words["post"]).click()
    expect(panel.locator(".mention", has_text="@Élodie M")).to_be_visible()

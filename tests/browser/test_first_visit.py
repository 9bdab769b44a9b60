"""What a newcomer meets: the front door, their profile, and an empty map's notice that follows
the cards they draw."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from journeys.models import Journey
from tests.browser.helpers import log_in
from tests.factories import JourneyPersonaFactory, PersonaFactory

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("language", "heading", "sign_up", "log_in_label"),
    [
        ("en", "See your customers' journey", "Sign up, it's free", "Log in"),
        ("fr", "Voyez le parcours de vos clients", "S'inscrire, c'est gratuit", "Se connecter"),
    ],
)
def test_the_front_door_explains_parcours(
    live_server, browser, db, language, heading, sign_up, log_in_label
):
    context = browser.new_context(locale=language)
    page = context.new_page()
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    picture = page.get_by_role("img", name="Parcours")
    expect(picture).to_be_visible()
    assert picture.evaluate("image => image.naturalWidth") == 1280
    page.get_by_role("main").get_by_role("link", name=sign_up).click()
    expect(page).to_have_url(live_server.url + reverse("signup"))
    page.go_back()
    page.get_by_role("main").get_by_role("link", name=log_in_label, exact=True).click()
    expect(page).to_have_url(live_server.url + reverse("login"))
    context.close()


def test_a_person_names_themselves_and_switches_to_french(live_server, page, owner):
    log_in(page, live_server, owner)
    page.get_by_role("banner").get_by_text(owner.display_name).click()
    page.get_by_role("link", name="Your profile").click()
    page.get_by_label("Your name").fill("Anaïs Roux")
    page.get_by_label("Interface language").select_option("fr")
    page.get_by_role("button", name="Save the profile").click()
    expect(page.get_by_text("Votre profil a été enregistré.")).to_be_visible()
    expect(page.get_by_role("heading", name="Votre profil", level=1)).to_be_visible()
    expect(page.get_by_role("banner")).to_contain_text("Anaïs Roux")

    page.get_by_label("Mot de passe actuel", exact=True).fill("wrong")
    page.get_by_label("E-mail", exact=True).fill("anais@example.com")
    page.get_by_role("button", name="Enregistrer le profil").click()
    expect(page.get_by_text("Saisissez votre mot de passe actuel")).to_be_visible()


def test_the_no_card_notice_goes_with_the_first_card_and_comes_back(
    live_server, page, editor, workspace
):
    journey = Journey.create_with_defaults(workspace, "Buy a drill", user=editor)
    JourneyPersonaFactory(journey=journey, persona=PersonaFactory(workspace=workspace, name="Sam"))
    log_in(page, live_server, editor)
    page.goto(live_server.url + journey.get_absolute_url())
    notice = page.get_by_text("No touchpoint for Sam yet.")
    expect(notice).to_be_visible()

    page.get_by_label("Add card in Website, Awareness").click()
    page.get_by_role("textbox", name="Title of the new card").fill("Sees an ad")
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Sees an ad")).to_be_visible()
    expect(notice).to_be_hidden()

    page.get_by_role("link", name="Sees an ad").click()
    page.get_by_role("button", name="Delete card").click()
    expect(page.get_by_role("link", name="Sees an ad")).to_have_count(0)
    expect(notice).to_be_visible()

"""axe-core on every page of the demo, in English and French: no serious or critical violation.
And a keyboard-only session on the map: add a card, edit it, move it, note a friction."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from accounts.demo import DEMO_OWNER, DEMO_PASSWORD
from journeys.models import Journey
from sharing.models import ShareLink
from tests.browser.axe import serious_violations
from tests.browser.helpers import log_in
from tests.factories import JourneyPersonaFactory, PersonaFactory
from touchpoints.models import FrictionNote, Touchpoint

pytestmark = pytest.mark.browser


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Journey.objects.filter(workspace__slug="demo").order_by("pk")


def log_in_as_demo(page, live_server):
    page.goto(live_server.url + reverse("login"))
    page.locator("#id_username").fill(DEMO_OWNER)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("form[action$='/login/'] button[type=submit]").click()
    page.wait_for_url(lambda url: "/login/" not in url)


def audit(page, where: str, problems: list) -> None:
    problems.extend(f"{where}: {line}" for line in serious_violations(page))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_page_has_serious_accessibility_violations(live_server, browser, demo, language):
    context = browser.new_context(locale=language, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    for name in ("home", "login", "signup"):
        page.goto(live_server.url + reverse(name))
        audit(page, name, problems)
    log_in_as_demo(page, live_server)
    expect(page.locator("html")).to_have_attribute("lang", language)
    first, compared = demo[0], next(j for j in demo if j.journey_personas.count() > 1)
    card = first.touchpoints.order_by("pk").first()
    persona = first.journey_personas.first().persona
    pages = {
        "journeys": reverse("journeys:list", args=["demo"]),
        "map": first.get_absolute_url(),
        "map with a card panel": f"{first.get_absolute_url()}?card={card.pk}",
        "personas": reverse("personas:list", args=["demo"]),
        "persona": reverse("personas:detail", args=["demo", persona.pk]),
        "persona editor": reverse("personas:edit", args=["demo", persona.pk]),
        "board": reverse("frictions:board", args=["demo"]),
        "members": reverse("workspaces:members", args=["demo"]),
        "mentions": reverse("workspaces:mentions", args=["demo"]),
        "activity": reverse("journeys:activity", args=["demo", first.pk]),
        "profile": reverse("profile"),
        "share links": reverse("journeys:share", args=["demo", first.pk]),
        "text version": reverse("journeys:text", args=["demo", first.pk]),
        "presentation": reverse("journeys:present", args=["demo", first.pk]),
    }
    for where, url in pages.items():
        page.goto(live_server.url + url)
        audit(page, where, problems)
    page.goto(live_server.url + compared.get_absolute_url())
    compare = {"en": "Compare personas", "fr": "Comparer les personas"}[language]
    page.get_by_role("link", name=compare).click()
    expect(page.locator("#emotion_curve .js-plotly-plot")).to_be_visible()
    audit(page, "map comparing personas", problems)
    _link, token = ShareLink.create_for(first, None)
    for where, suffix in (("shared map", ""), ("shared text version", "text/")):
        page.goto(live_server.url + ShareLink.path(token) + suffix)
        audit(page, where, problems)
    context.close()
    assert problems == []


def tab_to(page, target, limit: int = 400) -> None:
    """Tab, as a keyboard user does, until `target` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} never got the focus")


def test_a_keyboard_user_adds_edits_moves_a_card_and_notes_a_friction(
    live_server, page, editor, workspace
):
    journey = Journey.create_with_defaults(workspace, "Buy a drill", user=editor)
    JourneyPersonaFactory(journey=journey, persona=PersonaFactory(workspace=workspace))
    log_in(page, live_server, editor)
    page.goto(live_server.url + journey.get_absolute_url())

    # Add: the cell's "Add card" link, then the title typed in the field that takes the focus.
    tab_to(page, page.get_by_label("Add card in Website, Awareness"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("textbox", name="Title of the new card")).to_be_focused()
    page.keyboard.type("Sees a drill ad")
    page.keyboard.press("Enter")
    card_link = page.get_by_role("link", name="Sees a drill ad")
    expect(card_link).to_be_visible()

    # Edit: open the card's panel, change its title, save.
    tab_to(page, card_link)
    page.keyboard.press("Enter")
    title = page.locator("#card_panel").get_by_label("Title")
    tab_to(page, title)
    page.keyboard.press("Control+A")
    page.keyboard.type("Sees a drill ad on a bus")
    tab_to(page, page.locator("#card_panel").get_by_role("button", name="Save"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved.")).to_be_visible()

    # Move: another stage in the panel's Move form.
    stage = page.locator("#card_panel").get_by_label("Stage", exact=True)
    tab_to(page, stage)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(stage).to_have_value(str(journey.stages.get(position=2).pk))
    tab_to(page, page.get_by_role("button", name="Move to this cell"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Moved.")).to_be_visible()

    # A friction note on it.
    tab_to(page, page.locator("#card_panel").get_by_text("Add a friction"))
    page.keyboard.press("Enter")
    tab_to(page, page.locator("#card_panel").get_by_label("What hurts?"))
    page.keyboard.type("The ad hides the price")
    tab_to(page, page.get_by_role("button", name="Add friction"))
    page.keyboard.press("Enter")
    expect(
        page.locator("#card_panel").get_by_text("The ad hides the price", exact=True)
    ).to_be_visible()

    card = Touchpoint.objects.get()
    assert (card.title, card.stage.position, card.channel.name) == (
        "Sees a drill ad on a bus",
        2,
        "Website",
    )
    assert FrictionNote.objects.get(touchpoint=card).title == "The ad hides the price"

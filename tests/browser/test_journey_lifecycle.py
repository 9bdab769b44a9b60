"""A journey's life through its menu, as a user does it in Chromium: create, rename,
duplicate, delete, restore from the trash; in English and in French."""

import re

import pytest
from playwright.sync_api import expect

from journeys.models import Journey
from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser

WORDS = {
    "en": {
        "title": "Title",
        "create": "Create journey",
        "language": "Language of the stages and channels",
        "first_stage": "Awareness",
        "actions": "Actions for {}",
        "rename": "Rename",
        "description": "Description",
        "save": "Save",
        "duplicate": "Duplicate",
        "copy": "{} (copy)",
        "delete": "Delete",
        "confirm": "Delete",
        "journeys": "Journeys",
        "trash": "Trash",
        "restore": "Restore",
        "search": "Search journeys",
        "search_button": "Search",
    },
    "fr": {
        "title": "Titre",
        "create": "Créer le parcours",
        "language": "Langue des étapes et des canaux",
        "first_stage": "Prise de conscience",
        "actions": "Actions pour {}",
        "rename": "Renommer",
        "description": "Description",
        "save": "Enregistrer",
        "duplicate": "Dupliquer",
        "copy": "{} (copie)",
        "delete": "Supprimer",
        "confirm": "Supprimer",
        "journeys": "Parcours",
        "trash": "Corbeille",
        "restore": "Restaurer",
        "search": "Rechercher un parcours",
        "search_button": "Rechercher",
    },
}


def choose_language(page, live_server, language: str):
    if language == "fr":
        page.context.add_cookies(
            [{"name": "django_language", "value": "fr", "url": live_server.url}]
        )


def open_menu(page, words, title: str):
    page.get_by_label(words["actions"].format(title), exact=True).click()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_create_rename_duplicate_delete_and_restore(live_server, page, editor, language):
    words = WORDS[language]
    log_in(page, live_server, editor)
    journeys_url = page.url
    choose_language(page, live_server, language)
    page.reload()

    # Create: the default stages are named in the page's language, the form's default.
    expect(page.get_by_label(words["language"])).to_have_value(language)
    page.get_by_label(words["title"], exact=True).fill("Buy a drill")
    page.get_by_role("button", name=words["create"]).click()
    expect(page.get_by_role("heading", name="Buy a drill", level=1)).to_be_visible()
    expect(page.get_by_role("columnheader", name=words["first_stage"])).to_be_visible()

    # Rename in place, on the map.
    open_menu(page, words, "Buy a drill")
    page.get_by_role("link", name=words["rename"], exact=True).click()
    page.get_by_label(words["title"], exact=True).fill("Buy a cordless drill")
    page.get_by_label(words["description"]).fill("From the hardware shop to the garden shed.")
    page.get_by_role("button", name=words["save"], exact=True).click()
    expect(page.get_by_role("heading", name="Buy a cordless drill", level=1)).to_be_visible()
    expect(page.get_by_text("From the hardware shop to the garden shed.")).to_be_visible()
    breadcrumb = page.get_by_role("navigation", name=re.compile("Breadcrumb|Fil d"))
    expect(breadcrumb.get_by_role("link", name="Buy a cordless drill")).to_be_visible()
    expect(page).to_have_title(re.compile("^Buy a cordless drill"))

    # Duplicate from the journeys page: the copy opens.
    page.goto(journeys_url)
    open_menu(page, words, "Buy a cordless drill")
    page.get_by_role("button", name=words["duplicate"], exact=True).click()
    copy_title = words["copy"].format("Buy a cordless drill")
    expect(page.get_by_role("heading", name=copy_title, level=1)).to_be_visible()

    # Delete the copy from its map: a confirmation names what goes, then the trash.
    open_menu(page, words, copy_title)
    page.get_by_role("button", name=words["delete"], exact=True).click()
    expect(page.get_by_role("alertdialog")).to_contain_text("5")
    page.get_by_role("button", name=words["confirm"], exact=True).click()
    expect(page.get_by_role("heading", name=words["journeys"], level=1)).to_be_visible()
    expect(page.get_by_role("link", name=copy_title)).to_have_count(0)
    expect(page.get_by_role("link", name="Buy a cordless drill")).to_be_visible()

    # Restore it from the trash.
    page.get_by_role("link", name=words["trash"]).click()
    page.get_by_role("button", name=words["restore"]).click()
    expect(page.get_by_role("heading", name=copy_title, level=1)).to_be_visible()
    page.goto(journeys_url)
    expect(page.get_by_role("link", name=copy_title)).to_be_visible()
    assert Journey.objects.count() == 2

    # Search forgives case; a rename from the journeys page comes back to it.
    page.get_by_label(words["search"]).fill("CORDLESS")
    page.get_by_role("button", name=words["search_button"], exact=True).click()
    expect(page.locator(".journey-card")).to_have_count(2)
    open_menu(page, words, copy_title)
    page.get_by_role("link", name=words["rename"], exact=True).click()
    page.get_by_label(words["title"], exact=True).fill("Second drill")
    page.get_by_role("button", name=words["save"], exact=True).click()
    expect(page).to_have_url(re.compile(r"/journeys/$"))
    expect(page.get_by_role("link", name="Second drill")).to_be_visible()


def test_duplicate_and_delete_work_without_javascript(live_server, browser, editor, workspace):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    journey = Journey.create_with_defaults(workspace, "Buy a drill", user=editor)
    log_in(page, live_server, editor)
    page.goto(live_server.url + journey.get_absolute_url())

    open_menu(page, WORDS["en"], "Buy a drill")
    page.get_by_role("link", name="Rename", exact=True).click()
    page.get_by_label("Title", exact=True).fill("Buy a hammer")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Buy a hammer", level=1)).to_be_visible()

    open_menu(page, WORDS["en"], "Buy a hammer")
    page.get_by_role("button", name="Delete", exact=True).click()
    page.get_by_role("button", name="Delete", exact=True).click()
    expect(page.get_by_role("heading", name="Journeys", level=1)).to_be_visible()
    assert not Journey.objects.exists()
    context.close()

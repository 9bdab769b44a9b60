import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from playwright.sync_api import expect

from personas.models import Persona
from tests.browser.helpers import log_in
from tests.factories import JourneyFactory
from tests.personas.helpers import stored_files
from tests.personas.images import image_bytes

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("storage")]


def test_editor_creates_a_persona_with_a_photo_and_finds_it_everywhere(
    live_server, page, editor, workspace, tmp_path
):
    journey = JourneyFactory(workspace=workspace, title="Buy a drill")
    photo = tmp_path / "sam.png"
    photo.write_bytes(image_bytes("PNG", (800, 600)))
    log_in(page, live_server, editor)
    page.goto(live_server.url + reverse("personas:list", args=[workspace.slug]))

    # Create: a name and a role, then the editor opens.
    page.get_by_label("Name", exact=True).fill("Sam Rivière")
    page.get_by_label("Role or title", exact=True).fill("Weekend DIY beginner")
    page.get_by_role("button", name="Create persona").click()
    expect(page.get_by_role("heading", name="Sam Rivière", level=1)).to_be_visible()

    # The photo: refused file first, explained in place, then a real one.
    script = tmp_path / "photo.jpg"
    script.write_bytes(b"#!/bin/sh\necho gotcha\n")
    page.get_by_label("Choose a photo").set_input_files(script)
    page.get_by_role("button", name="Upload photo").click()
    expect(page.get_by_text("This file is not a JPEG, PNG or WebP image.")).to_be_visible()
    assert stored_files(default_storage) == []
    page.get_by_label("Choose a photo").set_input_files(photo)
    page.get_by_role("button", name="Upload photo").click()
    expect(page.get_by_role("status").filter(has_text="Photo saved.")).to_be_visible()
    expect(page.locator("#persona_photo img.avatar")).to_be_visible()

    # Lists: add a goal, type it, add another, move it first; then save.
    page.get_by_role("button", name="Add a goal").click()
    expect(page.get_by_label("Goal 1", exact=True)).to_be_focused()
    page.get_by_label("Goal 1", exact=True).fill("Hang a shelf that stays up")
    page.get_by_role("button", name="Add a goal").click()
    page.get_by_label("Goal 2", exact=True).fill("Buy only what is needed")
    page.get_by_role("button", name="Move Goal 2 up").click()
    expect(page.get_by_label("Goal 1", exact=True)).to_have_value("Buy only what is needed")
    expect(page.get_by_text("Changes not saved yet")).to_be_visible()
    page.get_by_label("Quote").fill("I just want it to hold.")
    page.get_by_text("Teal").click()
    page.get_by_role("button", name="Save persona").click()

    expect(page.get_by_role("status").filter(has_text="“Sam Rivière” saved.")).to_be_visible()
    persona = Persona.objects.get(name="Sam Rivière")
    assert persona.goals == ["Buy only what is needed", "Hang a shelf that stays up"]
    assert persona.colour == "#0f766e"

    # From the persona's side, into a journey.
    page.get_by_label("Add to a journey").select_option(label="Buy a drill")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_text("Sam Rivière now has a lane in “Buy a drill”.")).to_be_visible()

    # On the personas page, with the photo.
    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Personas").click()
    card = page.locator(".persona-card").filter(has_text="Sam Rivière")
    expect(card.locator("img.avatar")).to_be_visible()
    expect(card.get_by_role("link", name="Buy a drill")).to_be_visible()
    assert _image_loaded(card.locator("img.avatar"))

    # Above the journey map.
    card.get_by_role("link", name="Buy a drill").click()
    header = page.get_by_role("region", name="About Sam Rivière")
    expect(header).to_contain_text("I just want it to hold.")
    expect(header).to_contain_text("Buy only what is needed")
    assert _image_loaded(header.locator("img.avatar"))
    assert page.url.endswith(
        f"{reverse('journeys:detail', args=[workspace.slug, journey.pk])}?persona=sam-riviere"
    )


def test_search_narrows_the_cards_as_you_type(live_server, page, viewer, workspace):
    for name, role in [("Léa Martin", "Project manager"), ("Marc Petit", "Student")]:
        Persona.objects.create(workspace=workspace, name=name, role=role)
    log_in(page, live_server, viewer)
    page.goto(live_server.url + reverse("personas:list", args=[workspace.slug]))

    page.get_by_label("Search by name or role").fill("stud")

    expect(page.get_by_role("status").filter(has_text="match")).to_have_text(
        "1 persona matches “stud”. Show all"
    )
    expect(page.get_by_role("heading", name="Marc Petit")).to_be_visible()
    expect(page.get_by_role("heading", name="Léa Martin")).to_have_count(0)
    assert page.url.endswith("?q=stud")


def _image_loaded(image) -> bool:
    return image.evaluate("img => img.complete && img.naturalWidth > 0")

import json

import pytest
from playwright.sync_api import expect

from journeys.models import Journey
from maps.interchange.importing import import_journey
from tests.browser.helpers import log_in
from tests.maps.helpers import DEMO_FILE

pytestmark = pytest.mark.browser


def test_member_logs_in_and_opens_a_journey_map(live_server, page, owner, workspace):
    journey = import_journey(workspace, DEMO_FILE.read_bytes(), user=owner)

    log_in(page, live_server, owner)
    expect(page.get_by_role("heading", name="Journeys", level=1)).to_be_visible()
    page.get_by_role("link", name=journey.title).click()

    expect(page.get_by_role("heading", name=journey.title, level=1)).to_be_visible()
    for stage in ("Prise de conscience", "Considération", "Achat", "Fidélisation"):
        expect(page.get_by_role("columnheader", name=stage)).to_be_visible()
    expect(page.get_by_role("rowheader", name="Réseaux sociaux")).to_be_visible()
    expect(page.get_by_role("heading", name="Publicité Instagram")).to_be_visible()
    expect(page.get_by_role("link", name="Léa Martin")).to_have_attribute("aria-current", "page")


def test_bad_file_is_explained_in_place_then_a_good_one_opens_its_map(
    live_server, page, editor, workspace, tmp_path
):
    document = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    document["touchpoints"][0]["emotion"] = 7
    bad_file = tmp_path / "spoiled.json"
    bad_file.write_text(json.dumps(document), encoding="utf-8")

    log_in(page, live_server, editor)
    journeys_url = page.url
    page.get_by_label("Journey file (.json)").set_input_files(bad_file)
    page.get_by_role("button", name="Import").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("This file was not imported")
    expect(alert).to_contain_text("emotion")
    assert page.url == journeys_url
    assert not Journey.objects.exists()

    page.get_by_label("Journey file (.json)").set_input_files(DEMO_FILE)
    page.get_by_role("button", name="Import").click()

    expect(page.get_by_role("heading", name="Acheter une veste en ligne", level=1)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("imported")

"""Every page works under the Content-Security-Policy: no script, style or image refused (the
browser reports each refusal on the console), while the map, its card panel and comparison,
the board, the personas and their editor, and the picture export are used."""

import re

import pytest
from playwright.sync_api import expect

from maps.interchange.importing import import_journey
from tests.browser.helpers import log_in
from tests.maps.helpers import DEMO_DIR

pytestmark = pytest.mark.browser


@pytest.fixture
def journey(owner, workspace):
    return import_journey(workspace, (DEMO_DIR / "fr-bricolage-deux-personas.json").read_bytes())


def test_no_page_breaks_the_policy(live_server, page, owner, workspace, journey):
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text or message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: refused.append(str(error)))
    log_in(page, live_server, owner)

    page.get_by_role("link", name=journey.title).click()
    expect(page.get_by_role("img", name=re.compile("^Emotion curve of"))).to_be_visible()
    page.get_by_role("link", name="Compare personas").click()
    expect(page.get_by_role("heading", name="Emotion curves compared")).to_be_visible()
    page.locator("[id^=card-]").first.click()
    expect(page.get_by_role("heading", name="Edit card")).to_be_visible()
    page.get_by_role("link", name="Frictions", exact=True).click()
    expect(page.get_by_role("heading", name="Frictions", level=1)).to_be_visible()
    page.get_by_role("link", name="Personas", exact=True).click()
    page.get_by_role("link", name="Julie Roussel").first.click()
    page.get_by_role("link", name=re.compile("Edit")).first.click()
    expect(page.get_by_label("Name")).to_be_visible()
    page.goto(live_server.url + journey.get_absolute_url())
    page.get_by_text("Export PNG").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PNG").click()
    assert download.value.suggested_filename.endswith(".png")

    assert refused == []


def test_answers_carry_the_policy_without_eval(client, viewer, journey):
    client.force_login(viewer)

    response = client.get(journey.get_absolute_url())

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-eval" not in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]

"""A visitor without an account opens a share link: the map, the presentation with the arrow
keys, and a text version that passes an axe-core audit."""

import json
import re

import pytest
from playwright.sync_api import expect

from maps.interchange.importing import import_journey
from sharing.models import ShareLink
from tests.browser.axe import AXE
from tests.browser.helpers import log_in
from tests.maps.helpers import DEMO_FILE

pytestmark = pytest.mark.browser


def axe_violations(page) -> list[dict]:
    # Evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline code.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document)")
    return [
        {"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]


def test_editor_shares_and_a_visitor_presents_it(live_server, page, browser, editor, workspace):
    journey = import_journey(workspace, DEMO_FILE.read_bytes(), user=editor)
    log_in(page, live_server, editor)
    page.goto(live_server.url + journey.get_absolute_url())
    page.get_by_role("link", name="Share").click()
    page.get_by_label("Expires").select_option(label="in 30 days")
    page.get_by_role("button", name="Make a share link").click()
    url = page.get_by_label(re.compile("Copy it now")).input_value()

    visitor = browser.new_context().new_page()
    visitor.goto(url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(journey.title)
    expect(visitor.get_by_role("link", name="Add card")).to_have_count(0)
    first_card = journey.touchpoints.order_by("stage__position", "position").first()
    expect(visitor.get_by_text(first_card.title).first).to_be_visible()

    visitor.get_by_role("link", name="Present").click()
    expect(visitor.get_by_text("Stage 1 of")).to_be_visible()
    visitor.keyboard.press("ArrowRight")
    expect(visitor.get_by_text("Stage 2 of")).to_be_visible()
    second = journey.stages.all()[1]
    expect(visitor.get_by_role("heading", level=1)).to_have_text(second.name)
    visitor.keyboard.press("ArrowLeft")
    expect(visitor.get_by_text("Stage 1 of")).to_be_visible()
    expect(visitor.get_by_role("button", name="Full screen")).to_be_visible()

    page.goto(live_server.url + journey.get_absolute_url() + "share/")
    page.get_by_role("button", name="Revoke").click()
    visitor.goto(url)
    expect(visitor.get_by_role("heading", name="This link does not work")).to_be_visible()


@pytest.mark.parametrize("shared", [False, True], ids=["member", "visitor"])
def test_text_version_passes_an_axe_audit(live_server, page, viewer, workspace, shared):
    journey = import_journey(workspace, DEMO_FILE.read_bytes(), user=viewer)
    if shared:
        _link, token = ShareLink.create_for(journey, None, show_comments=True)
        page.goto(live_server.url + ShareLink.path(token) + "text/")
    else:
        log_in(page, live_server, viewer)
        page.goto(live_server.url + journey.get_absolute_url())
        page.get_by_role("link", name="Text version").click()
    expect(page.get_by_role("heading", level=3).first).to_be_visible()
    violations = axe_violations(page)
    assert not violations, json.dumps(violations, indent=1)

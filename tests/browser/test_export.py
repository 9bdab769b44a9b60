import pytest
from PIL import Image
from playwright.sync_api import expect

from maps.interchange.importing import import_journey
from tests.browser.helpers import log_in
from tests.maps.helpers import DEMO_FILE

pytestmark = pytest.mark.browser


def test_viewer_exports_a_slide_png_of_the_persona_on_screen(live_server, page, viewer, workspace):
    journey = import_journey(workspace, DEMO_FILE.read_bytes(), user=viewer)

    log_in(page, live_server, viewer)
    page.goto(live_server.url + journey.get_absolute_url())
    page.get_by_text("Export PNG").click()
    expect(page.get_by_label("Persona", exact=True)).to_have_value("lea")
    page.get_by_label("Slide (16:9, 1920 × 1080)").check()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download PNG").click()

    download = download_info.value
    assert download.suggested_filename.startswith("acheter-une-veste-en-ligne-lea-martin-")
    assert download.suggested_filename.endswith("-slide.png")
    image = Image.open(download.path())
    assert image.format == "PNG"
    assert image.size == (1920, 1080)
    expect(page.get_by_role("status").filter(has_text="PNG downloaded.")).to_be_visible()

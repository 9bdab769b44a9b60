import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils.html import escape

from journeys.models import Journey
from maps.interchange.reading import parse_journey_file
from maps.interchange.schema import InvalidJourneyFile
from personas.models import Persona
from tests.htmx import assert_fragment, assert_full_page, hx_target
from tests.maps.helpers import DEMO_FILE


def upload(data: bytes, name: str = "journey.json") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/json")


def import_url(workspace) -> str:
    return reverse("journeys:import", args=[workspace.slug])


@pytest.fixture
def spoiled_file() -> bytes:
    """The demo file with three mistakes in it."""
    document = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    document["journey"]["title"] = ""
    document["touchpoints"][0]["emotion"] = 7
    document["touchpoints"][1]["stage"] = "nowhere"
    return json.dumps(document).encode()


def problems_in(data: bytes) -> list[str]:
    with pytest.raises(InvalidJourneyFile) as invalid:
        parse_journey_file(data)
    return invalid.value.errors


def test_editor_imports_a_journey_file_and_lands_on_its_map(client, editor, workspace):
    client.force_login(editor)

    response = client.post(import_url(workspace), {"file": upload(DEMO_FILE.read_bytes())})

    journey = Journey.objects.get(workspace=workspace)
    assert journey.title == "Acheter une veste en ligne"
    assert response.status_code == 302
    assert response.url == journey.get_absolute_url()
    page = client.get(response.url).content.decode()
    assert "Journey “Acheter une veste en ligne” imported." in page
    assert "Publicité Instagram" in page


def test_htmx_import_sends_the_browser_to_the_new_journey(client, editor, workspace):
    client.force_login(editor)

    response = client.post(
        import_url(workspace),
        {"file": upload(DEMO_FILE.read_bytes())},
        **hx_target("import_journey"),
    )

    assert response.status_code == 200
    assert response["HX-Redirect"] == Journey.objects.get().get_absolute_url()


def test_bad_file_lists_every_problem_and_changes_nothing(client, editor, workspace, spoiled_file):
    client.force_login(editor)

    response = client.post(import_url(workspace), {"file": upload(spoiled_file)})

    assert response.status_code == 400
    html = response.content.decode()
    assert_full_page(html)
    assert "This file was not imported" in html
    problems = problems_in(spoiled_file)
    assert len(problems) >= 3
    for problem in problems:
        assert escape(problem) in html
    assert not Journey.objects.exists()
    assert not Persona.objects.exists()


def test_htmx_bad_file_swaps_only_the_import_form(client, editor, workspace, spoiled_file):
    client.force_login(editor)

    response = client.post(
        import_url(workspace),
        {"file": upload(spoiled_file)},
        **hx_target("import_journey"),
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert_fragment(html)
    assert html.lstrip().startswith('<section id="import_journey"')
    assert 'hx-target="#import_journey"' in html
    assert "This file was not imported" in html
    assert html.count("<li>") == len(problems_in(spoiled_file))
    assert not Journey.objects.exists()


def test_file_that_is_not_json_is_refused_with_a_reason(client, editor, workspace):
    client.force_login(editor)

    response = client.post(import_url(workspace), {"file": upload(b"\x89PNG not json")})

    assert response.status_code == 400
    assert "This file was not imported" in response.content.decode()
    assert not Journey.objects.exists()


@override_settings(JOURNEY_FILE_MAX_BYTES=1024)
def test_too_large_file_is_refused_before_reading(client, editor, workspace):
    client.force_login(editor)

    response = client.post(import_url(workspace), {"file": upload(b" " * 2048)})

    assert response.status_code == 400
    html = response.content.decode()
    assert "a journey file may be at most 1.0\xa0KB" in html
    assert "This file was not imported" not in html
    assert not Journey.objects.exists()


def test_import_without_a_file_asks_for_one(client, editor, workspace):
    client.force_login(editor)

    response = client.post(import_url(workspace), {})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def export_url(journey, fmt: str) -> str:
    return reverse("journeys:export", args=[journey.workspace.slug, journey.pk, fmt])


def test_json_download_is_the_journey_file(client, viewer, journey):
    client.force_login(viewer)

    response = client.get(export_url(journey, "json"))

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="buy-a-drill.json"'
    document = json.loads(response.content)
    assert document["format"] == "parcours.journey"
    assert document["journey"]["title"] == "Buy a drill"


def test_csv_download_opens_in_a_spreadsheet(client, viewer, journey):
    client.force_login(viewer)

    response = client.get(export_url(journey, "csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="buy-a-drill.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 5  # a header, then one row per touchpoint


def test_download_name_falls_back_when_the_title_has_no_latin_letters(client, viewer, journey):
    journey.title = "購入"
    journey.save()
    client.force_login(viewer)

    response = client.get(export_url(journey, "json"))

    assert response["Content-Disposition"] == 'attachment; filename="journey.json"'


def test_unknown_export_format_is_not_found(client, viewer, journey):
    client.force_login(viewer)

    assert client.get(export_url(journey, "xml")).status_code == 404

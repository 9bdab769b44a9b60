"""Persona photos and colours in journey files, and imports that reuse the workspace's personas
instead of adding a second of each."""

import base64
import io

import pytest
from django.urls import reverse
from PIL import Image

from journeys.models import Journey
from maps.interchange.exporting import export_journey
from maps.interchange.importing import import_journey
from maps.interchange.schema import InvalidJourneyFile
from personas.models import Persona, avatar_colour_for
from tests.commands import run_command
from tests.factories import WorkspaceFactory
from tests.maps.helpers import DEMO_DIR, encode
from tests.personas.images import image_bytes, jpeg_with_metadata

pytestmark = pytest.mark.django_db

BRICOLAGE = DEMO_DIR / "fr-bricolage-deux-personas.json"


def _without_time(document: dict) -> dict:
    return {**document, "exported_at": None}


def test_a_file_without_photo_or_colour_imports_as_before(workspace, document, storage):
    journey = import_journey(workspace, encode(document))

    julie = journey.personas.get(name="Julie Roussel")
    assert julie.colour == avatar_colour_for("Julie Roussel")
    assert not julie.photo
    exported = export_journey(journey)["personas"]
    assert all("photo" not in p and "colour" not in p for p in exported)


def test_photo_and_colour_travel_and_come_back_unchanged(workspace, document, storage):
    photo = image_bytes("PNG", size=(900, 700))
    document["personas"][0]["colour"] = "#047857"
    document["personas"][0]["photo"] = base64.b64encode(photo).decode()
    journey = import_journey(workspace, encode(document))

    persona = journey.personas.get(name=document["personas"][0]["name"])
    assert persona.colour == "#047857"
    with persona.photo.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
        # Redrawn as an upload would be: a square JPEG of 512 px.
        assert (image.format, image.size) == ("JPEG", (512, 512))

    first = export_journey(journey)
    again = export_journey(import_journey(WorkspaceFactory(), encode(first)))
    assert _without_time(again) == _without_time(first)
    assert first["personas"][0]["colour"] == "#047857"
    assert base64.b64decode(first["personas"][0]["photo"])[:2] == b"\xff\xd8"


def test_metadata_never_survives_an_import(workspace, document, storage):
    document["personas"][0]["photo"] = base64.b64encode(jpeg_with_metadata((300, 300))).decode()

    persona = import_journey(workspace, encode(document)).personas.get(
        name=document["personas"][0]["name"]
    )

    with persona.photo.open("rb") as stored:
        assert "exif" not in Image.open(io.BytesIO(stored.read())).info


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("colour", "#ffff00", "personas[0].colour: White initials would be hard to read"),
        ("colour", "green", "personas[0].colour: Choose a colour written as #"),
        ("colour", 12, "personas[0].colour: expected a string, got an integer"),
        ("photo", "not base64!", "personas[0].photo: not base64 text"),
        ("photo", base64.b64encode(b"GIF89a....").decode(), "personas[0].photo: This file is not"),
        ("avatar", "x", "personas[0].avatar: unknown field"),
    ],
)
def test_bad_photo_or_colour_is_refused_at_its_path(workspace, document, field, value, problem):
    document["personas"][0][field] = value

    with pytest.raises(InvalidJourneyFile) as refused:
        import_journey(workspace, encode(document))

    assert any(error.startswith(problem) for error in refused.value.errors), refused.value.errors
    assert not Journey.objects.exists()
    assert not Persona.objects.exists()


def test_reusing_personas_draws_the_workspaces_own(workspace, document):
    first = import_journey(workspace, encode(document))
    Persona.objects.filter(name="Julie Roussel").update(role="Edited here")

    second = import_journey(workspace, encode(document), same_name_personas=True)

    assert Persona.objects.filter(workspace=workspace).count() == 2
    assert set(second.personas.all()) == set(first.personas.all())
    assert second.personas.get(name="Julie Roussel").role == "Edited here"
    assert second.touchpoints.count() == first.touchpoints.count()
    # The file's keys stay the journey's keys: the export is the file again.
    assert [p["key"] for p in export_journey(second)["personas"]] == [
        p["key"] for p in document["personas"]
    ]


def test_a_name_twice_in_one_file_reuses_the_workspaces_persona_once(workspace, document):
    import_journey(workspace, encode(document))
    document["personas"][1]["name"] = document["personas"][0]["name"]

    journey = import_journey(workspace, encode(document), same_name_personas=True)

    assert journey.personas.count() == 2
    assert Persona.objects.filter(workspace=workspace).count() == 3


def test_import_form_offers_to_reuse_personas_and_does_by_default(client, editor, workspace):
    client.force_login(editor)
    url = reverse("journeys:import", args=[workspace.slug])
    page = client.get(reverse("journeys:list", args=[workspace.slug])).content.decode()
    assert "Use the workspace’s personas" in page
    assert "Import them as new personas" in page

    for choice in ("reuse", "reuse", "new"):
        with BRICOLAGE.open("rb") as upload:
            client.post(url, {"file": upload, "personas": choice})

    assert Journey.objects.filter(workspace=workspace).count() == 3
    assert Persona.objects.filter(workspace=workspace, name="Julie Roussel").count() == 2


def test_command_reuses_personas_when_asked():
    run_command("import_journey", str(BRICOLAGE), "--workspace", "atelier")
    run_command("import_journey", str(BRICOLAGE), "--workspace", "atelier", "--reuse-personas")
    assert Persona.objects.filter(name="Julie Roussel").count() == 1
    run_command("import_journey", str(BRICOLAGE), "--workspace", "atelier")
    assert Persona.objects.filter(name="Julie Roussel").count() == 2

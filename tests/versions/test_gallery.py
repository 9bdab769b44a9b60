import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from journeys.models import Journey
from maps.interchange.exporting import export_journey
from maps.interchange.importing import import_journey
from versions.gallery import GALLERY_DIR, builtin
from versions.models import JourneyTemplate

pytestmark = pytest.mark.django_db

GALLERY_FILES = sorted(GALLERY_DIR.glob("*.json"))
SUBJECTS = {path.stem.split("-", 1)[1] for path in GALLERY_FILES}


def test_the_gallery_has_ten_journeys_each_in_french_and_english():
    assert len(SUBJECTS) >= 10
    for subject in SUBJECTS:
        assert (GALLERY_DIR / f"fr-{subject}.json").exists()
        assert (GALLERY_DIR / f"en-{subject}.json").exists()


@pytest.mark.parametrize("path", GALLERY_FILES, ids=lambda path: path.stem)
def test_every_template_imports_and_round_trips(workspace, path):
    document = json.loads(path.read_text(encoding="utf-8"))

    journey = import_journey(workspace, path.read_bytes())

    exported = export_journey(journey)
    for name in ("exported_at",):
        exported.pop(name)
        document.pop(name)
    assert exported == document
    assert document["language"] == path.stem[:2]


@pytest.mark.parametrize("path", GALLERY_FILES, ids=lambda path: path.stem)
def test_every_template_is_a_full_journey(path):
    document = json.loads(path.read_text(encoding="utf-8"))

    assert len(document["personas"]) == 2
    assert len(document["stages"]) >= 5
    assert len(document["touchpoints"]) >= 25
    assert len(document["frictions"]) >= 3
    assert {card["emotion"] for card in document["touchpoints"]} >= {-2, -1, 0, 1, 2}
    for persona in document["personas"]:
        assert sum(card["persona"] == persona["key"] for card in document["touchpoints"]) >= 10


def test_french_and_english_versions_tell_the_same_journey():
    for subject in SUBJECTS:
        fr, en = (
            json.loads((GALLERY_DIR / f"{language}-{subject}.json").read_text(encoding="utf-8"))
            for language in ("fr", "en")
        )
        assert fr["journey"]["title"] != en["journey"]["title"]
        assert [card["emotion"] for card in fr["touchpoints"]] == [
            card["emotion"] for card in en["touchpoints"]
        ]


def test_gallery_page_shows_every_template_with_its_language_and_preview(client, editor, workspace):
    client.force_login(editor)

    response = client.get(reverse("versions:gallery", args=[workspace.slug]))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="card template-card"') == len(GALLERY_FILES)
    assert html.count('class="template-preview"') == len(GALLERY_FILES)
    assert html.count(">FR</span>") == len(GALLERY_FILES) / 2
    assert html.count(">EN</span>") == len(GALLERY_FILES) / 2
    for entry in builtin():
        assert escape(entry.title) in html


def test_gallery_filters_by_language(client, viewer, workspace):
    client.force_login(viewer)

    response = client.get(reverse("versions:gallery", args=[workspace.slug]), {"language": "fr"})

    html = response.content.decode()
    assert html.count('class="card template-card"') == len(GALLERY_FILES) / 2
    assert ">EN</span>" not in html
    assert "Use this template" not in html  # a viewer does not create journeys


def test_new_from_template_creates_the_journey(client, editor, workspace):
    client.force_login(editor)
    entry = builtin()[0]

    response = client.post(reverse("versions:gallery_use", args=[workspace.slug, entry.slug]))

    journey = Journey.objects.get(workspace=workspace)
    assert response.status_code == 302
    assert response.url == journey.get_absolute_url()
    assert journey.title == entry.title
    assert journey.touchpoints.count() == len(entry.document["touchpoints"])


def test_viewer_cannot_use_a_template(client, viewer, workspace):
    client.force_login(viewer)
    entry = builtin()[0]

    response = client.post(reverse("versions:gallery_use", args=[workspace.slug, entry.slug]))

    assert response.status_code == 403
    assert not Journey.objects.exists()


def test_outsider_sees_no_gallery(client, outsider, workspace):
    client.force_login(outsider)

    response = client.get(reverse("versions:gallery", args=[workspace.slug]))

    assert response.status_code == 404


def test_a_workspace_saves_a_journey_as_its_own_template(client, editor, workspace):
    journey = import_journey(workspace, GALLERY_FILES[0].read_bytes())
    client.force_login(editor)

    client.post(reverse("versions:template_save", args=[workspace.slug, journey.pk]))
    template = JourneyTemplate.objects.get(workspace=workspace)
    gallery = client.get(reverse("versions:gallery", args=[workspace.slug])).content.decode()
    client.post(reverse("versions:saved_use", args=[workspace.slug, template.pk]))

    assert "This workspace’s templates" in gallery
    copy = Journey.objects.exclude(pk=journey.pk).get()
    first, second = export_journey(journey), export_journey(copy)
    first.pop("exported_at")
    second.pop("exported_at")
    assert first == second


def test_templates_of_another_workspace_are_out_of_reach(client, outsider, workspace):
    journey = import_journey(workspace, GALLERY_FILES[0].read_bytes())
    template = JourneyTemplate(workspace=workspace, title="t", language="en")
    template.set_document(export_journey(journey))
    template.save()
    client.force_login(outsider)

    response = client.post(reverse("versions:saved_use", args=[workspace.slug, template.pk]))

    assert response.status_code == 404

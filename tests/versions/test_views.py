import pytest
from django.urls import reverse

from journeys.models import Journey
from tests.maps.helpers import DEMO_DIR
from tests.versions.helpers import change_everything, demo_journey, exported, vurl
from versions.models import Version
from versions.snapshots import take_snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(workspace):
    return demo_journey(workspace)


def test_editor_takes_a_snapshot_with_a_label(client, editor, journey):
    client.force_login(editor)

    response = client.post(vurl(journey, "create"), {"label": "Before the checkout redesign"})

    version = Version.objects.get()
    assert response.status_code == 302
    assert (version.label, version.created_by, version.kind) == (
        "Before the checkout redesign",
        editor,
        Version.Kind.MANUAL,
    )
    page = client.get(vurl(journey, "list")).content.decode()
    assert "Before the checkout redesign" in page
    assert f"by {editor.display_name}" in page
    assert "14 cards" in page


def test_a_blank_label_is_refused_beside_the_field(client, editor, journey):
    client.force_login(editor)

    response = client.post(
        vurl(journey, "create"),
        {"label": "   "},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="take_snapshot",
    )

    assert response.status_code == 400
    assert 'id="take_snapshot"' in response.content.decode()
    assert "This field is required." in response.content.decode()
    assert not Version.objects.exists()


def test_version_opens_read_only_in_the_map_view(client, viewer, journey):
    version = take_snapshot(journey, "Avant la refonte")
    change_everything(journey)
    client.force_login(viewer)

    response = client.get(vurl(journey, "detail", version.pk))

    html = response.content.decode()
    assert response.status_code == 200
    assert "You are looking at the version “Avant la refonte”" in html
    assert 'id="map_grid"' in html
    assert 'id="emotion_curve"' in html
    assert version.document()["touchpoints"][0]["title"] in html
    assert "Carte changée" not in html
    # No edit control: no add buttons, no drag handles, no restore for a viewer.
    assert "add-card" not in html
    assert "data-editable" not in html
    assert "Restore this version" not in html


def test_a_versions_card_opens_in_its_panel(client, viewer, journey):
    version = take_snapshot(journey, "v1")
    client.force_login(viewer)
    first = version.document()["touchpoints"][0]

    response = client.get(
        vurl(journey, "detail", version.pk) + "?card=1",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="card_panel",
    )

    html = response.content.decode()
    assert first["title"] in html
    assert "<html" not in html
    assert client.get(vurl(journey, "detail", version.pk) + "?card=999").status_code == 404


def test_editor_restores_in_place_from_the_page(client, editor, journey):
    before = exported(journey)
    version = take_snapshot(journey, "v1")
    change_everything(journey)
    client.force_login(editor)

    response = client.post(vurl(journey, "restore", version.pk))

    assert response.status_code == 302
    assert response.url == journey.get_absolute_url()
    assert exported(Journey.objects.get(pk=journey.pk)) == before
    assert Version.objects.filter(kind=Version.Kind.BEFORE_RESTORE).count() == 1


def test_import_over_the_journey_snapshots_it_first(client, editor, journey):
    before = exported(journey)
    client.force_login(editor)
    path = DEMO_DIR / "en-saas-onboarding.json"

    with path.open("rb") as upload:
        response = client.post(vurl(journey, "import"), {"file": upload})

    journey.refresh_from_db()
    assert response.status_code == 302
    assert journey.title == "Adopt a project-management SaaS"
    version = Version.objects.get(kind=Version.Kind.BEFORE_IMPORT)
    document = version.document()
    del document["exported_at"]
    assert document == before


def test_a_refused_import_changes_nothing(client, editor, journey, tmp_path):
    before = exported(journey)
    client.force_login(editor)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "parcours.journey", "version": 1}')

    with bad.open("rb") as upload:
        response = client.post(vurl(journey, "import"), {"file": upload})

    assert response.status_code == 400
    assert "This file was not imported" in response.content.decode()
    assert exported(journey) == before
    assert not Version.objects.exists()


@pytest.mark.parametrize(
    ("role", "snapshot", "restore", "delete", "compare", "open_"),
    [
        ("viewer", 403, 403, 403, 200, 200),
        ("commenter", 403, 403, 403, 200, 200),
        ("editor", 302, 302, 403, 200, 200),
        ("owner", 302, 302, 302, 200, 200),
    ],
)
def test_roles(request, client, journey, role, snapshot, restore, delete, compare, open_):
    user = request.getfixturevalue(role)
    version = take_snapshot(journey, "v1")
    client.force_login(user)

    assert client.get(vurl(journey, "detail", version.pk)).status_code == open_
    assert client.get(vurl(journey, "compare") + f"?old={version.pk}").status_code == compare
    assert client.post(vurl(journey, "create"), {"label": "x"}).status_code == snapshot
    assert client.post(vurl(journey, "restore", version.pk)).status_code == restore
    assert client.post(vurl(journey, "delete", version.pk)).status_code == delete
    assert Version.objects.filter(pk=version.pk).exists() == (delete != 302)


def test_outsider_reaches_no_version(client, outsider, journey):
    version = take_snapshot(journey, "v1")
    client.force_login(outsider)

    for url in (
        vurl(journey, "list"),
        vurl(journey, "detail", version.pk),
        vurl(journey, "compare"),
        vurl(journey, "download", version.pk),
    ):
        assert client.get(url).status_code == 404
    assert client.post(vurl(journey, "restore", version.pk)).status_code == 404


def test_a_version_of_another_journey_is_not_found(client, owner, workspace, journey):
    other = demo_journey(workspace)
    version = take_snapshot(other, "v1")
    client.force_login(owner)

    assert client.get(vurl(journey, "detail", version.pk)).status_code == 404
    assert client.post(vurl(journey, "delete", version.pk)).status_code == 404


def test_the_map_page_links_to_its_versions(client, viewer, journey):
    client.force_login(viewer)

    html = client.get(journey.get_absolute_url()).content.decode()

    assert f'href="{vurl(journey, "list")}"' in html


def test_the_journeys_page_offers_new_from_template(client, editor, workspace):
    client.force_login(editor)

    html = client.get(reverse("journeys:list", args=[workspace.slug])).content.decode()

    assert reverse("versions:gallery", args=[workspace.slug]) in html
    assert "New from template" in html


@pytest.mark.parametrize("versions", [1, 8])
def test_versions_page_queries_do_not_grow_with_versions(
    client, editor, journey, django_assert_num_queries, versions
):
    for n in range(versions):
        take_snapshot(journey, f"v{n}", editor)
    client.force_login(editor)

    # session, user, membership with workspace, journey, the versions with their authors,
    # the pair, the workspaces of the header's switcher
    with django_assert_num_queries(7):
        client.get(vurl(journey, "list"))

"""A journey renamed, duplicated, deleted into the trash, restored and purged, through the
journeys page and the map's menu, as a client without JavaScript sends it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from journeys import lifecycle
from journeys.models import Activity, Journey
from tests.commands import run_command
from tests.factories import CommentFactory, build_map
from tests.htmx import HTMX, assert_fragment, hx_target
from tests.maps.helpers import url
from touchpoints.models import Comment, FrictionNote, Mention, Touchpoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def journey(workspace):
    journey = build_map(workspace, cards=3, title="Buy a drill")
    note = FrictionNote.objects.filter(touchpoint__journey=journey).first()
    CommentFactory(friction=note, body="Seen twice this week")
    return journey


def list_url(workspace) -> str:
    return reverse("journeys:list", args=[workspace.slug])


def test_the_journeys_page_and_the_map_offer_rename_duplicate_delete(client, editor, journey):
    client.force_login(editor)

    for page in (list_url(journey.workspace), journey.get_absolute_url()):
        html = client.get(page).content.decode()
        for label in (">Rename<", ">Duplicate<", ">Delete<"):
            assert label in html
        assert f'action="{url(journey, "duplicate")}"' in html
        assert f'action="{url(journey, "delete")}"' in html


def test_the_menu_speaks_french(client, editor, journey):
    client.force_login(editor)

    html = client.get(list_url(journey.workspace), HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    for label in (">Renommer<", ">Dupliquer<", ">Supprimer<"):
        assert label in html


def test_viewer_has_no_journey_menu_and_may_not_use_it(client, viewer, journey):
    client.force_login(viewer)

    assert ">Rename<" not in client.get(journey.get_absolute_url()).content.decode()
    for name in ("edit", "duplicate", "delete"):
        assert client.post(url(journey, name), {"confirm": "1"}).status_code == 403
    assert client.get(reverse("journeys:trash", args=[journey.workspace.slug])).status_code == 403


def test_outsider_gets_404(client, outsider, journey):
    client.force_login(outsider)

    for name in ("edit", "duplicate", "delete"):
        assert client.post(url(journey, name)).status_code == 404


def test_rename_without_javascript_goes_back_where_it_started(client, editor, journey):
    client.force_login(editor)
    page = client.get(url(journey, "edit"), {"from": "list"}).content.decode()
    assert 'name="title"' in page
    assert 'value="Buy a drill"' in page

    response = client.post(
        url(journey, "edit"),
        {"title": "Buy a hammer", "description": "Tools", "version": 1, "from": "list"},
    )

    assert response.status_code == 302
    assert response.url == list_url(journey.workspace)
    journey.refresh_from_db()
    assert (journey.title, journey.description, journey.version) == ("Buy a hammer", "Tools", 2)
    assert Activity.objects.filter(journey=journey, verb="updated", object_type="journey").exists()


def test_rename_in_place_answers_with_the_header(client, editor, journey):
    client.force_login(editor)

    response = client.post(
        url(journey, "edit"),
        {"title": "Buy a hammer", "description": "", "version": 1},
        **hx_target("journey_header"),
    )

    html = response.content.decode()
    assert_fragment(html)
    assert 'id="journey_header"' in html
    assert "Buy a hammer" in html
    assert 'name="title"' not in html


def test_stale_rename_shows_theirs_and_keeps_mine(client, editor, journey):
    client.force_login(editor)
    Journey.objects.filter(pk=journey.pk).update(title="Their title", version=2)

    response = client.post(
        url(journey, "edit"), {"title": "My title", "description": "", "version": 1}, **HTMX
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "Their title" in html
    assert 'value="My title"' in html
    assert 'name="version" value="2"' in html
    assert Journey.objects.get(pk=journey.pk).title == "Their title"


def test_empty_title_is_refused_beside_the_field(client, editor, journey):
    client.force_login(editor)

    response = client.post(url(journey, "edit"), {"title": " ", "description": "", "version": 1})

    assert response.status_code == 400
    assert 'id="id_title_error"' in response.content.decode()


def test_duplicate_copies_everything_but_comments_unless_asked(client, editor, journey):
    client.force_login(editor)

    response = client.post(url(journey, "duplicate"))

    copy = Journey.objects.exclude(pk=journey.pk).get()
    assert response.url == copy.get_absolute_url()
    assert copy.title == "Buy a drill (copy)"
    assert list(copy.stages.values_list("name", "key")) == list(
        journey.stages.values_list("name", "key")
    )
    assert copy.channels.count() == 2
    assert list(copy.personas.order_by("pk")) == list(journey.personas.order_by("pk"))
    assert copy.touchpoints.count() == 3
    assert set(copy.touchpoints.values_list("stage__journey", "channel__journey")) == {
        (copy.pk, copy.pk)
    }
    assert FrictionNote.objects.filter(touchpoint__journey=copy).count() == 6
    assert not Comment.objects.filter(friction__touchpoint__journey=copy).exists()
    # The original is untouched.
    assert journey.touchpoints.count() == 3


def test_duplicate_with_comments(client, editor, journey):
    client.force_login(editor)

    client.post(url(journey, "duplicate"), {"with_comments": "on"})

    copy = Journey.objects.exclude(pk=journey.pk).get()
    assert list(
        Comment.objects.filter(friction__touchpoint__journey=copy).values_list("body", flat=True)
    ) == ["Seen twice this week"]


def test_delete_asks_first_naming_what_goes(client, editor, journey):
    client.force_login(editor)

    response = client.post(url(journey, "delete"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Delete “Buy a drill”?" in html
    for part in ("3 stages", "2 channels", "3 cards", "6 friction notes", "1 comment", "30 days"):
        assert part in html
    assert Journey.objects.filter(pk=journey.pk).exists()


def test_deleted_journey_leaves_every_list_and_address(client, editor, journey, workspace):
    client.force_login(editor)
    persona = journey.personas.first()
    note = FrictionNote.objects.filter(touchpoint__journey=journey).first()
    Mention.objects.create(
        comment=CommentFactory(friction=note, body="@you"), user=editor, workspace=workspace
    )

    response = client.post(url(journey, "delete"), {"confirm": "1"})

    assert response.url == list_url(workspace)
    assert not client.get(list_url(workspace)).context["journeys"]
    assert client.get(journey.get_absolute_url()).status_code == 404
    assert client.get(url(journey, "export", "json")).status_code == 404
    board = client.get(reverse("frictions:board", args=[workspace.slug])).content.decode()
    assert note.title not in board
    assert "Buy a drill" not in board
    persona_page = client.get(persona.get_absolute_url()).content.decode()
    assert "Buy a drill" not in persona_page
    personas = client.get(reverse("personas:list", args=[workspace.slug])).content.decode()
    assert "Buy a drill" not in personas
    mentions = client.get(reverse("workspaces:mentions", args=[workspace.slug]))
    assert mentions.context["unread"] == 0
    assert "@you" not in mentions.content.decode()
    # Nothing is gone yet: it is all in the trash.
    assert Touchpoint.objects.filter(journey=journey).count() == 3


def test_trash_lists_and_restores(client, editor, owner, journey, workspace):
    lifecycle.move_to_trash(journey, owner)
    client.force_login(editor)
    trash_url = reverse("journeys:trash", args=[workspace.slug])

    html = client.get(trash_url).content.decode()
    assert "Buy a drill" in html
    assert f"Deleted by {owner.display_name}" in html
    assert f'href="{trash_url}"' in client.get(list_url(workspace)).content.decode()

    response = client.post(reverse("journeys:restore", args=[workspace.slug, journey.pk]))

    assert response.url == journey.get_absolute_url()
    assert client.get(journey.get_absolute_url()).status_code == 200
    assert "Buy a drill" not in client.get(trash_url).content.decode()
    assert Activity.objects.filter(journey=journey, verb="restored").exists()


def test_restore_is_only_for_journeys_in_this_workspaces_trash(client, editor, journey):
    client.force_login(editor)
    restore = reverse("journeys:restore", args=[journey.workspace.slug, journey.pk])

    assert client.post(restore).status_code == 404  # not in the trash


def test_purge_deletes_for_good_after_thirty_days(owner, journey, workspace):
    kept = build_map(workspace, cards=1, title="Kept")
    recent = build_map(workspace, cards=1, title="Recent")
    lifecycle.move_to_trash(journey, owner)
    lifecycle.move_to_trash(recent, owner)
    Journey.with_trashed.filter(pk=journey.pk).update(
        deleted_at=timezone.now() - timedelta(days=31)
    )

    stdout, _stderr = run_command("purge_trash")

    assert stdout == "Purged 1 journey deleted more than 30 days ago.\n"
    assert not Journey.with_trashed.filter(pk=journey.pk).exists()
    assert not Touchpoint.objects.filter(journey_id=journey.pk).exists()
    assert Journey.with_trashed.filter(pk=recent.pk).exists()
    assert Journey.objects.filter(pk=kept.pk).exists()
    assert run_command("purge_trash")[0] == "Purged 0 journeys deleted more than 30 days ago.\n"


def test_journeys_page_search_forgives_accents_and_sorts(client, viewer, workspace):
    build_map(workspace, cards=0, title="Épargne retraite")
    build_map(workspace, cards=0, title="Acheter une perceuse")
    build_map(workspace, cards=0, title="Zoo tickets")
    client.force_login(viewer)

    found = client.get(list_url(workspace), {"q": "EPARGNE"}).context["journeys"]
    assert [j.title for j in found] == ["Épargne retraite"]
    by_title = client.get(list_url(workspace), {"sort": "title"}).context["journeys"]
    assert by_title[0].title == "Acheter une perceuse"
    nothing = client.get(list_url(workspace), {"q": "nothing like it"}).content.decode()
    assert "No journey matches “nothing like it”." in nothing


def test_journeys_page_names_the_last_editor(client, viewer, editor, workspace):
    journey = build_map(workspace, cards=0)
    Activity.record(editor, Activity.Verb.UPDATED, journey, journey=journey)
    client.force_login(viewer)

    html = client.get(list_url(workspace)).content.decode()

    assert f"by {editor.display_name}" in html

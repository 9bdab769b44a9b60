"""The saves that become live changes: through the real write paths (the map's views), each
change committed is stored and announced with ids and versions, never with page content."""

import json

from django.utils import timezone

from live import presence
from live.models import Event, Presence
from tests.factories import CommentFactory
from tests.htmx import HTMX
from tests.maps.helpers import url
from workspaces.models import Membership


def changes() -> list[dict]:
    return [json.loads(payload) for payload in Event.objects.values_list("payload", flat=True)]


def test_a_renamed_stage_is_announced_with_its_version(
    client, journey, editor, django_capture_on_commit_callbacks
):
    stage = journey.stages.first()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url(journey, "stage", stage.pk),
            {"name": "Notice it", "description": "", "version": stage.version},
            **HTMX,
        )
    assert changes() == [
        {
            "kind": "stage",
            "journey": journey.pk,
            "verb": "updated",
            "id": stage.pk,
            "actor": editor.pk,
            "version": stage.version + 1,
        }
    ]


def test_a_deleted_card_is_announced_with_the_cell_it_left(
    client, journey, card, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(journey, "card_delete", card.pk), **HTMX)
    [change] = changes()
    assert change["kind"] == "touchpoint"
    assert change["verb"] == "deleted"
    assert (change["stage"], change["channel"], change["persona"]) == (
        card.stage_id,
        card.channel_id,
        card.persona_id,
    )
    assert card.title not in json.dumps(change)


def test_an_edited_comment_is_announced_with_its_note_and_card(
    note, owner, django_capture_on_commit_callbacks
):
    comment = CommentFactory(friction=note, author=owner)
    with django_capture_on_commit_callbacks(execute=True):
        comment.edit("Second thoughts", [], note.touchpoint.journey.workspace_id)
    [change] = changes()
    assert change == {
        "kind": "comment",
        "journey": note.touchpoint.journey_id,
        "verb": "updated",
        "id": comment.pk,
        "frictionnote": note.pk,
        "touchpoint": note.touchpoint_id,
        "actor": owner.pk,
    }


def test_a_refused_stale_edit_announces_nothing(
    client, journey, editor, django_capture_on_commit_callbacks
):
    """Someone saved the stage first: the late save is a conflict, nothing changes, nothing
    is announced."""
    stage = journey.stages.first()
    seen = stage.version
    stage.save_changes(seen, name="Saved first")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(journey, "stage", stage.pk),
            {"name": "Too late", "description": "", "version": seen},
            **HTMX,
        )
    assert response.status_code == 409
    assert not Event.objects.exists()


def test_presence_and_membership_are_told_but_not_kept(
    journey, viewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        presence.join(
            presence.parse_tab("5d3f1c2e-0000-4000-8000-000000000001"),
            viewer.pk,
            journey.workspace_id,
            journey.pk,
        )
        Membership.objects.get(user=viewer, workspace=journey.workspace).remove()
    assert len(callbacks) == 2
    assert not Event.objects.exists()


def test_a_tab_gone_quiet_fades_at_the_next_beat_of_anyone_there(
    journey, viewer, editor, django_capture_on_commit_callbacks
):
    quiet = Presence.objects.create(
        user=viewer,
        workspace_id=journey.workspace_id,
        journey_id=journey.pk,
        seen_at=timezone.now() - presence.FADE - timezone.timedelta(seconds=1),
    )
    here = presence.parse_tab("5d3f1c2e-0000-4000-8000-000000000002")
    presence.join(here, editor.pk, journey.workspace_id, journey.pk)
    with django_capture_on_commit_callbacks() as callbacks:
        presence.beat(here, editor.pk, journey.workspace_id, journey.pk)
    assert not Presence.objects.filter(tab=quiet.tab).exists()
    assert [row.user for row in presence.here(journey.pk)] == [editor]
    assert len(callbacks) == 1  # the others are told someone left

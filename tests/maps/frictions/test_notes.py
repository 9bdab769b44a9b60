"""Friction notes on a card: add, edit, change status, delete; the card and the friction row
follow; conflicts; bad input."""

import pytest

from journeys.models import Activity
from tests.factories import CommentFactory, FrictionNoteFactory
from tests.htmx import HTMX, assert_fragment, assert_full_page, hx_target
from tests.maps.helpers import url
from touchpoints.models import FrictionNote


def test_editor_adds_a_friction_and_the_card_shows_it(client, editor, journey, card):
    client.force_login(editor)
    response = client.post(
        url(journey, "friction_add", card.pk),
        {
            "title": "Checkout asks for an account",
            "description": "Guests leave.",
            "severity": "critical",
            "status": "in_progress",
        },
        **HTMX,
    )
    assert response.status_code == 200
    note = card.frictions.get(title="Checkout asks for an account")
    assert (note.severity, note.status, note.author) == ("critical", "in_progress", editor)
    html = response.content.decode()
    assert 'id="card_frictions"' in html
    assert "Checkout asks for an account" in html
    # The card's cell comes back out of band: 2 open frictions now, the worst critical.
    assert f'id="card-{card.pk}"' in html
    assert "2 frictions" in html
    assert "Critical" in html
    assert "mapChanged" in response["HX-Trigger"]
    assert_fragment(html)
    assert Activity.objects.filter(verb="created", object_type="frictionnote").exists()


def test_friction_without_title_is_refused_with_a_message(client, editor, journey, card):
    client.force_login(editor)
    before = card.frictions.count()
    response = client.post(
        url(journey, "friction_add", card.pk),
        {"title": " ", "severity": "high", "status": "open"},
        **HTMX,
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert card.frictions.count() == before


def test_unknown_severity_is_refused(client, editor, journey, card):
    client.force_login(editor)
    response = client.post(
        url(journey, "friction_add", card.pk),
        {"title": "Slow page", "severity": "apocalyptic", "status": "open"},
        **HTMX,
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not card.frictions.filter(title="Slow page").exists()


def test_resolving_updates_the_card_and_the_friction_row(client, editor, journey, card, note):
    client.force_login(editor)
    response = client.post(
        url(journey, "friction_status", note.pk),
        {"status": "resolved", "version": note.version},
        **HTMX,
    )
    assert response.status_code == 200
    note.refresh_from_db()
    assert (note.status, note.version) == ("resolved", 2)
    html = response.content.decode()
    assert "Reopen" in html
    # The card has no open friction left: its cell comes back without a frictions badge.
    assert f'id="card-{card.pk}"' in html
    assert "1 friction" not in html
    assert "mapChanged" in response["HX-Trigger"]
    assert Activity.objects.filter(verb="resolved", object_id=note.pk).exists()
    summary = client.get(url(journey, "detail"), **hx_target("map_summary"))
    # The card's stage has no unresolved friction left; the two other stages keep theirs.
    row = summary.content.decode()
    assert row.count("1 friction") == 2
    assert row.count("✓</span> None") == 1


def test_reopening_is_recorded(client, editor, journey, note):
    note.status = "resolved"
    note.save()
    client.force_login(editor)
    client.post(url(journey, "friction_status", note.pk), {"status": "open", "version": 1}, **HTMX)
    assert Activity.objects.filter(verb="reopened", object_id=note.pk).exists()


def test_a_status_that_does_not_exist_changes_nothing(client, editor, journey, note):
    client.force_login(editor)
    response = client.post(
        url(journey, "friction_status", note.pk), {"status": "done", "version": 1}, **HTMX
    )
    assert response.status_code == 400
    assert "Choose open, in progress or resolved." in response.content.decode()
    note.refresh_from_db()
    assert (note.status, note.version) == ("open", 1)


def test_edit_saves_every_field(client, editor, journey, note):
    client.force_login(editor)
    response = client.post(
        url(journey, "friction_edit", note.pk),
        {
            "title": "Delivery fees shown late",
            "description": "At the last step.",
            "severity": "low",
            "status": "in_progress",
            "version": 1,
        },
        **HTMX,
    )
    assert response.status_code == 200
    note.refresh_from_db()
    assert (note.title, note.description, note.severity, note.status, note.version) == (
        "Delivery fees shown late",
        "At the last step.",
        "low",
        "in_progress",
        2,
    )


def test_two_people_editing_the_same_note_get_a_conflict(client, editor, owner, journey, note):
    # The owner saved first, from version 1.
    client.force_login(owner)
    client.post(
        url(journey, "friction_edit", note.pk),
        {"title": "Theirs", "severity": "high", "status": "open", "version": 1},
        **HTMX,
    )
    client.force_login(editor)
    response = client.post(
        url(journey, "friction_edit", note.pk),
        {"title": "Mine", "severity": "low", "status": "open", "version": 1},
        **HTMX,
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved a change while you were editing." in html
    assert "Theirs" in html
    assert 'value="Mine"' in html
    assert 'name="version" value="2"' in html
    note.refresh_from_db()
    assert note.title == "Theirs"


def test_a_stale_status_change_is_refused(client, editor, journey, note):
    FrictionNote.objects.filter(pk=note.pk).update(version=3, title="Renamed meanwhile")
    client.force_login(editor)
    response = client.post(
        url(journey, "friction_status", note.pk), {"status": "resolved", "version": 1}, **HTMX
    )
    assert response.status_code == 409
    assert "Renamed meanwhile" in response.content.decode()
    note.refresh_from_db()
    assert note.status == "open"


def test_editing_a_deleted_note_gives_the_text_back(client, editor, journey, note):
    gone = note.pk
    note.delete()
    client.force_login(editor)
    response = client.post(
        url(journey, "friction_edit", gone),
        {"title": "My careful rewrite", "severity": "high", "status": "open", "version": 1},
        **HTMX,
    )
    assert response.status_code == 400
    assert "My careful rewrite" in response.content.decode()


def test_deleting_a_note_with_comments_asks_first(client, editor, journey, note):
    CommentFactory.create_batch(2, friction=note)
    client.force_login(editor)
    response = client.post(url(journey, "friction_delete", note.pk), **HTMX)
    assert "and its 2 comments?" in response.content.decode()
    assert FrictionNote.objects.filter(pk=note.pk).exists()
    response = client.post(url(journey, "friction_delete", note.pk), {"confirm": "1"}, **HTMX)
    assert response.status_code == 200
    assert not FrictionNote.objects.filter(pk=note.pk).exists()
    assert response["HX-Retarget"] == "#card_frictions"


def test_a_note_of_another_workspace_is_not_found(client, editor, journey):
    elsewhere = FrictionNoteFactory()
    client.force_login(editor)
    for name in ("friction", "friction_edit"):
        assert client.get(url(journey, name, elsewhere.pk)).status_code == 404
    response = client.post(
        url(journey, "friction_status", elsewhere.pk), {"status": "resolved", "version": 1}
    )
    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == "open"


def test_without_javascript_a_new_note_comes_back_to_the_open_card(client, editor, journey, card):
    client.force_login(editor)
    response = client.post(
        url(journey, "friction_add", card.pk),
        {"title": "No parking", "severity": "low", "status": "open"},
    )
    note = card.frictions.get(title="No parking")
    assert response.status_code == 302
    assert f"card={card.pk}" in response["Location"]
    assert f"friction={note.pk}" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert f'id="friction-{note.pk}"' in page


def test_without_javascript_the_note_editor_is_a_whole_page(client, editor, journey, note):
    client.force_login(editor)
    page = client.get(url(journey, "friction_edit", note.pk)).content.decode()
    assert_full_page(page)
    assert f'value="{note.title}"' in page


@pytest.mark.parametrize("role", ["commenter", "viewer"])
def test_readers_cannot_change_notes(client, request, role, journey, card, note):
    client.force_login(request.getfixturevalue(role))
    forged = [
        ("friction_add", card.pk, {"title": "Forged", "severity": "low", "status": "open"}),
        (
            "friction_edit",
            note.pk,
            {"title": "Forged", "severity": "low", "status": "open", "version": 1},
        ),
        ("friction_status", note.pk, {"status": "resolved", "version": 1}),
        ("friction_delete", note.pk, {"confirm": "1"}),
    ]
    for name, pk, data in forged:
        assert client.post(url(journey, name, pk), data, **HTMX).status_code == 403, name
    note.refresh_from_db()
    assert (note.title, note.status) != ("Forged", "resolved")
    assert not card.frictions.filter(title="Forged").exists()
    assert FrictionNote.objects.filter(pk=note.pk).exists()


@pytest.mark.parametrize("role", ["commenter", "viewer"])
def test_readers_see_notes_without_edit_controls(client, request, role, journey, card, note):
    client.force_login(request.getfixturevalue(role))
    html = client.get(url(journey, "card", card.pk), **HTMX).content.decode()
    assert note.title in html
    assert "Add a friction" not in html
    assert "Resolve</button>" not in html
    assert ("Post comment" in html) == (role == "commenter")


def test_outsider_gets_404(client, outsider, journey, card, note):
    client.force_login(outsider)
    assert client.post(url(journey, "friction_add", card.pk), {"title": "x"}).status_code == 404
    assert client.get(url(journey, "friction", note.pk)).status_code == 404

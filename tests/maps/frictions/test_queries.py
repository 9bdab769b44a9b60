"""The card panel and the thread answers cost the same number of queries whatever the number
of notes, comments and mentions."""

import pytest

from tests.factories import CommentFactory, FrictionNoteFactory
from tests.htmx import HTMX
from tests.maps.helpers import url


def _grow(card, editor, notes: int, comments: int):
    for n in range(notes):
        note = FrictionNoteFactory(touchpoint=card, severity="low")
        for _ in range(comments):
            CommentFactory(friction=note)
        note.post_comment(
            editor, f"@{editor.display_name} {n}", [editor], card.journey.workspace_id
        )


@pytest.mark.parametrize(("notes", "comments"), [(1, 1), (8, 5)])
def test_card_panel_queries_are_constant(
    client, editor, journey, card, notes, comments, django_assert_num_queries
):
    _grow(card, editor, notes, comments)
    client.force_login(editor)
    # session, user, membership + workspace, journey, the card; the map's stages, channels,
    # journey personas; the notes with their authors, their comments with their authors,
    # the comments' mentions with the mentioned members.
    with django_assert_num_queries(11):
        response = client.get(url(journey, "card", card.pk), **HTMX)
    assert response.status_code == 200


@pytest.mark.parametrize(("notes", "comments"), [(1, 1), (8, 5)])
def test_posting_a_comment_queries_are_constant(
    client, editor, journey, note, notes, comments, django_assert_num_queries
):
    _grow(note.touchpoint, editor, notes, comments)
    CommentFactory.create_batch(comments, friction=note)
    client.force_login(editor)
    # session, user, the comment throttle's count and read, membership + workspace, journey, the
    # note with its card, the note's comment count against its limit; the members
    # a mention may name; a savepoint, the comment and the release; the activity; the map's
    # stages, channels and journey personas; the note again with its author, its comments
    # with their authors, their mentions with the members.
    with django_assert_num_queries(19):
        response = client.post(url(journey, "comment_add", note.pk), {"body": "Agreed"}, **HTMX)
    assert response.status_code == 200


@pytest.mark.parametrize(("notes", "comments"), [(1, 1), (8, 5)])
def test_saving_a_note_queries_are_constant(
    client, editor, journey, note, notes, comments, django_assert_num_queries
):
    _grow(note.touchpoint, editor, notes, comments)
    client.force_login(editor)
    data = {"title": "Renamed", "severity": "low", "status": "open", "version": note.version}
    # session, user, membership + workspace, journey (once: the save does not reach it a
    # second time), the note with its card; the UPDATE; the activity; the map's stages,
    # channels and journey personas; the card's cell; the note again with its author, and its
    # comments with their authors.
    with django_assert_num_queries(13):
        response = client.post(url(journey, "friction_edit", note.pk), data, **HTMX)
    assert response.status_code == 200

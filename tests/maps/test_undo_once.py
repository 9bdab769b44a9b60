"""An undo token restores its card once, whichever app server gets the second try: the used
token's id is kept in PostgreSQL under a unique constraint."""

import re

import pytest

from tests.htmx import HTMX
from tests.maps.helpers import url
from touchpoints.models import Comment, FrictionNote, Touchpoint
from touchpoints.undo import CannotRestore, delete_with_undo, restore

pytestmark = pytest.mark.django_db


def _delete(signed_in, journey, card) -> str:
    response = signed_in.post(url(journey, "card_delete", card.pk), **HTMX)
    return re.search(r'name="token" value="([^"]+)"', response.content.decode())[1]


def test_a_replayed_undo_is_refused_with_a_message(signed_in, journey, card):
    token = _delete(signed_in, journey, card)
    notes = FrictionNote.objects.count()

    first = signed_in.post(url(journey, "card_restore"), {"token": token}, **HTMX)
    notes_after_first = FrictionNote.objects.count()
    comments = Comment.objects.count()
    second = signed_in.post(url(journey, "card_restore"), {"token": token}, **HTMX)

    assert first.status_code == 200
    assert notes_after_first > notes
    assert second.status_code == 400
    assert "This card was already restored." in second.content.decode()
    assert Touchpoint.objects.filter(title=card.title).count() == 1
    assert FrictionNote.objects.count() == notes_after_first
    assert Comment.objects.count() == comments


def test_the_model_api_restores_a_token_once(journey, card):
    token = delete_with_undo(card)
    restore(token, journey)

    with pytest.raises(CannotRestore):
        restore(token, journey)

"""Undo for a deleted card: the card, its friction notes and their comments, in a signed token.

The token travels with the "Undo" button instead of living in a table or a session, so any app
server can restore the card and nothing needs cleaning up. It is signed (nobody can forge cards
through it) and expires a minute after the deletion.
"""

from django.core import signing
from django.db import transaction
from django.utils.dateparse import parse_datetime

from journeys.editing import insert_at, lock_journey, renumber
from journeys.keys import unique_key
from journeys.models import JourneyPersona, Stage
from touchpoints.models import Channel, Comment, FrictionNote, Touchpoint

SALT = "parcours.touchpoint-undo"
UNDO_SECONDS = 60

CARD_FIELDS = ["persona_id", "stage_id", "channel_id", "key", "title", "description", "emotion"]
CARD_FIELDS += ["owner", "position"]
FRICTION_FIELDS = ["title", "description", "severity", "status", "author_id"]
COMMENT_FIELDS = ["author_id", "author_name", "body", "created_at_offset"]


class CannotRestore(Exception):
    """The token is forged or expired, or the card's stage, channel or persona is gone."""


def _values(obj, names: list[str]) -> dict:
    return {name: getattr(obj, name) for name in names}


def delete_with_undo(touchpoint: Touchpoint) -> str:
    """Delete the card and return the token that brings it back."""
    frictions = touchpoint.frictions.prefetch_related("comments")
    snapshot = {
        "journey_id": touchpoint.journey_id,
        **_values(touchpoint, CARD_FIELDS),
        "frictions": [
            {
                **_values(friction, FRICTION_FIELDS),
                "comments": [
                    {
                        **_values(comment, COMMENT_FIELDS),
                        "created_at": comment.created_at.isoformat(),
                        "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
                    }
                    for comment in friction.comments.all()
                ],
            }
            for friction in frictions
        ],
    }
    touchpoint.remove_from_siblings()
    return signing.dumps(snapshot, salt=SALT, compress=True)


def restore(token: str, journey_id: int) -> Touchpoint:
    """Put a deleted card back where it was, with its friction notes and comments."""
    try:
        snapshot = signing.loads(token, salt=SALT, max_age=UNDO_SECONDS)
    except signing.BadSignature as error:
        raise CannotRestore from error
    if snapshot.pop("journey_id") != journey_id:
        raise CannotRestore
    frictions = snapshot.pop("frictions")
    with transaction.atomic():
        lock_journey(journey_id)
        card = Touchpoint(journey_id=journey_id, **snapshot)
        if not _cell_still_exists(card):
            raise CannotRestore
        taken = set(Touchpoint.objects.filter(journey_id=journey_id).values_list("key", flat=True))
        if card.key in taken:
            card.key = unique_key(card.title, taken)
        cell = dict(card.siblings().values_list("pk", "position"))
        card.save()
        ids = insert_at(list(cell), card.pk, snapshot["position"])
        renumber(Touchpoint, (ids, {**cell, card.pk: snapshot["position"]}))
        card.position = ids.index(card.pk)
        for friction in frictions:
            comments = friction.pop("comments")
            note = FrictionNote.objects.create(touchpoint=card, **friction)
            Comment.objects.bulk_create(
                Comment(
                    friction=note,
                    **{
                        **comment,
                        "created_at": parse_datetime(comment["created_at"]),
                        "edited_at": comment["edited_at"] and parse_datetime(comment["edited_at"]),
                    },
                )
                for comment in comments
            )
    return card


def _cell_still_exists(card: Touchpoint) -> bool:
    in_journey = {"journey_id": card.journey_id}
    return (
        Stage.objects.filter(pk=card.stage_id, **in_journey).exists()
        and Channel.objects.filter(pk=card.channel_id, **in_journey).exists()
        and JourneyPersona.objects.filter(persona_id=card.persona_id, **in_journey).exists()
    )

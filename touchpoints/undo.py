"""Undo for a deleted card: the card, its friction notes, their comments and the comments'
mentions, in a signed token.

The token travels with the "Undo" button instead of living in a session, so any app server can
restore the card. It is signed (nobody can forge cards through it), expires a minute after the
deletion, and works once: restoring writes its id to `UsedUndoToken`, whose unique constraint
refuses a second restore from any app server, even at the same moment.
"""

from datetime import timedelta
from uuid import uuid4

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from core.keys import unique_key
from core.versioning import insert_at, renumber
from journeys.models import Channel, JourneyPersona, Stage
from touchpoints.models import Comment, FrictionNote, Mention, Touchpoint, UsedUndoToken

SALT = "parcours.touchpoint-undo"
UNDO_SECONDS = 60

CARD_FIELDS = ["persona_id", "stage_id", "channel_id", "key", "title", "description", "emotion"]
CARD_FIELDS += ["owner", "position"]
FRICTION_FIELDS = ["title", "description", "severity", "status", "author_id"]
COMMENT_FIELDS = ["author_id", "author_name", "body", "created_at_offset"]


class CannotRestore(Exception):
    """The token is forged or expired, or the card's stage, channel or persona is gone."""


class AlreadyRestored(CannotRestore):
    """The token was used: the card is back already."""


def _values(obj, names: list[str]) -> dict:
    return {name: getattr(obj, name) for name in names}


def delete_with_undo(touchpoint: Touchpoint) -> str:
    """Delete the card and return the token that brings it back."""
    frictions = touchpoint.frictions.prefetch_related("comments__mentions")
    snapshot = {
        "id": uuid4().hex,
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
                        "mentions": [
                            [mention.user_id, mention.read_at and mention.read_at.isoformat()]
                            for mention in comment.mentions.all()
                        ],
                    }
                    for comment in friction.comments.all()
                ],
            }
            for friction in frictions
        ],
    }
    touchpoint.remove_from_siblings()
    return signing.dumps(snapshot, salt=SALT, compress=True)


def restore(token: str, journey) -> Touchpoint:
    """Put a deleted card back in `journey` where it was, with its friction notes, comments and
    mentions."""
    journey_id = journey.pk
    try:
        snapshot = signing.loads(token, salt=SALT, max_age=UNDO_SECONDS)
    except signing.BadSignature as error:
        raise CannotRestore from error
    if snapshot.pop("journey_id") != journey_id or "id" not in snapshot:
        raise CannotRestore
    token_id = snapshot.pop("id")
    frictions = snapshot.pop("frictions")
    with transaction.atomic():
        _use_once(token_id)
        Touchpoint.lock_journey(journey_id)
        touchpoint = Touchpoint(journey_id=journey_id, **snapshot)
        if not _cell_still_exists(touchpoint):
            raise CannotRestore
        taken = set(Touchpoint.objects.filter(journey_id=journey_id).values_list("key", flat=True))
        if touchpoint.key in taken:
            touchpoint.key = unique_key(touchpoint.title, taken)
        cell = dict(touchpoint.siblings().values_list("pk", "position"))
        touchpoint.save()
        ids = insert_at(list(cell), touchpoint.pk, snapshot["position"])
        renumber(Touchpoint, (ids, {**cell, touchpoint.pk: snapshot["position"]}))
        touchpoint.position = ids.index(touchpoint.pk)
        for friction in frictions:
            _restore_friction(touchpoint, friction, journey.workspace_id)
    return touchpoint


def _use_once(token_id: str) -> None:
    """Mark the token used, or raise AlreadyRestored; rows outlive their tokens' minute only a
    little, as each use clears the expired ones."""
    expired = timezone.now() - timedelta(seconds=2 * UNDO_SECONDS)
    UsedUndoToken.objects.filter(used_at__lt=expired).delete()
    try:
        with transaction.atomic():
            UsedUndoToken.objects.create(token_id=token_id)
    except IntegrityError:
        raise AlreadyRestored from None


def _restore_friction(touchpoint: Touchpoint, friction: dict, workspace_id: int) -> None:
    comments = friction.pop("comments")
    note = FrictionNote.objects.create(touchpoint=touchpoint, **friction)
    mentions = [comment.pop("mentions") for comment in comments]
    restored = Comment.objects.bulk_create(
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
    Mention.objects.bulk_create(
        Mention(
            comment=comment,
            user_id=user_id,
            workspace_id=workspace_id,
            read_at=read_at and parse_datetime(read_at),
        )
        for comment, named in zip(restored, mentions, strict=True)
        for user_id, read_at in named
    )


def _cell_still_exists(touchpoint: Touchpoint) -> bool:
    in_journey = {"journey_id": touchpoint.journey_id}
    return (
        Stage.objects.filter(pk=touchpoint.stage_id, **in_journey).exists()
        and Channel.objects.filter(pk=touchpoint.channel_id, **in_journey).exists()
        and JourneyPersona.objects.filter(persona_id=touchpoint.persona_id, **in_journey).exists()
    )

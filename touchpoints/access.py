"""How views reach a card, a friction note or a comment: through the journey it is on
(journeys/access.py)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from journeys.access import get_in_journey, get_journey
from touchpoints.models import Comment, FrictionNote
from workspaces.models import Action


def get_touchpoint(user, slug: str, pk: int, touchpoint_pk: int, action: Action = Action.READ):
    return get_in_journey(user, slug, pk, "touchpoints", touchpoint_pk, action)


def get_friction(user, slug: str, pk: int, friction_pk: int, action: Action = Action.READ):
    """The friction note `friction_pk` on a card of journey `pk`: (note, membership), the note's
    card and journey attached."""
    journey, membership = get_journey(user, slug, pk, action)
    note = find_friction(journey, friction_pk)
    if note is None:
        raise Http404
    return note, membership


def find_friction(journey, friction_pk: int) -> FrictionNote | None:
    """A friction note on a card of a journey already reached through `get_journey`, or None;
    its card and journey attached."""
    notes = FrictionNote.objects.filter(touchpoint__journey=journey).select_related("touchpoint")
    note = notes.filter(pk=friction_pk).first()
    if note is not None:
        note.touchpoint.journey = journey
    return note


def get_comment(user, slug: str, pk: int, comment_pk: int, action: Action = Action.READ):
    """A comment on a friction note of journey `pk`: (comment, membership)."""
    journey, membership = get_journey(user, slug, pk, action)
    comments = Comment.objects.filter(friction__touchpoint__journey=journey)
    comment = get_object_or_404(comments.select_related("friction__touchpoint"), pk=comment_pk)
    comment.friction.touchpoint.journey = journey
    return comment, membership

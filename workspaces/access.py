"""The one way views reach workspace data.

Each helper scopes by the user's memberships: an outsider gets 404 (the object might as well not
exist), a member whose role does not allow the action gets 403. Views never fetch by bare pk.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from workspaces.models import Action, Membership


def get_membership(user, slug: str, action: Action = Action.READ) -> Membership:
    if not user.is_authenticated:
        raise Http404
    membership = get_object_or_404(
        Membership.objects.select_related("workspace"), workspace__slug=slug, user=user
    )
    if not membership.may(action):
        raise PermissionDenied
    return membership


def get_journey(user, slug: str, pk: int, action: Action = Action.READ):
    """The journey `pk` of workspace `slug`, with the user's membership there."""
    from journeys.models import Journey

    membership = get_membership(user, slug, action)
    journey = get_object_or_404(Journey.objects.filter(workspace=membership.workspace), pk=pk)
    journey.workspace = membership.workspace
    return journey, membership


def get_persona(user, slug: str, pk: int, action: Action = Action.READ):
    from personas.models import Persona

    membership = get_membership(user, slug, action)
    persona = get_object_or_404(Persona.objects.filter(workspace=membership.workspace), pk=pk)
    persona.workspace = membership.workspace
    return persona, membership


def get_member(membership: Membership, pk: int) -> Membership:
    """Another membership of the same workspace, for the members page."""
    return get_object_or_404(
        Membership.objects.select_related("user", "workspace").filter(
            workspace=membership.workspace
        ),
        pk=pk,
    )


def _get_in_journey(user, slug: str, pk: int, related: str, part_pk: int, action: Action):
    journey, membership = get_journey(user, slug, pk, action)
    part = get_object_or_404(getattr(journey, related).all(), pk=part_pk)
    part.journey = journey
    return part, membership


def get_stage(user, slug: str, pk: int, stage_pk: int, action: Action = Action.READ):
    """The stage `stage_pk` of journey `pk`, with the user's membership: (stage, membership)."""
    return _get_in_journey(user, slug, pk, "stages", stage_pk, action)


def get_channel(user, slug: str, pk: int, channel_pk: int, action: Action = Action.READ):
    return _get_in_journey(user, slug, pk, "channels", channel_pk, action)


def get_touchpoint(user, slug: str, pk: int, touchpoint_pk: int, action: Action = Action.READ):
    return _get_in_journey(user, slug, pk, "touchpoints", touchpoint_pk, action)


def get_friction(user, slug: str, pk: int, friction_pk: int, action: Action = Action.READ):
    """The friction note `friction_pk` on a card of journey `pk`: (note, membership), the note's
    card and journey attached."""
    from touchpoints.models import FrictionNote

    journey, membership = get_journey(user, slug, pk, action)
    notes = FrictionNote.objects.filter(touchpoint__journey=journey).select_related("touchpoint")
    note = get_object_or_404(notes, pk=friction_pk)
    note.touchpoint.journey = journey
    return note, membership


def get_comment(user, slug: str, pk: int, comment_pk: int, action: Action = Action.READ):
    """A comment on a friction note of journey `pk`: (comment, membership)."""
    from touchpoints.models import Comment

    journey, membership = get_journey(user, slug, pk, action)
    comments = Comment.objects.filter(friction__touchpoint__journey=journey)
    comment = get_object_or_404(comments.select_related("friction__touchpoint"), pk=comment_pk)
    comment.friction.touchpoint.journey = journey
    return comment, membership

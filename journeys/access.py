"""How views reach a journey, a stage or a channel: through the user's membership
(workspaces/access.py)."""

from django.shortcuts import get_object_or_404

from journeys.models import Journey
from workspaces.access import get_membership
from workspaces.models import Action


def get_journey(user, slug: str, pk: int, action: Action = Action.READ):
    """The journey `pk` of workspace `slug`, with the user's membership there."""
    membership = get_membership(user, slug, action)
    journey = get_object_or_404(Journey.objects.filter(workspace=membership.workspace), pk=pk)
    journey.workspace = membership.workspace
    return journey, membership


def get_in_journey(user, slug: str, pk: int, related: str, part_pk: int, action: Action):
    journey, membership = get_journey(user, slug, pk, action)
    part = get_object_or_404(getattr(journey, related).all(), pk=part_pk)
    part.journey = journey
    return part, membership


def get_stage(user, slug: str, pk: int, stage_pk: int, action: Action = Action.READ):
    """The stage `stage_pk` of journey `pk`, with the user's membership: (stage, membership)."""
    return get_in_journey(user, slug, pk, "stages", stage_pk, action)


def get_channel(user, slug: str, pk: int, channel_pk: int, action: Action = Action.READ):
    return get_in_journey(user, slug, pk, "channels", channel_pk, action)

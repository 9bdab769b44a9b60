"""How views reach a journey, a stage or a channel: through the user's membership
(workspaces/access.py)."""

from functools import cache

from django.http import Http404

from core.compiled import CompiledQuery
from journeys.models import Journey
from workspaces.access import get_membership
from workspaces.models import Action

# Every request on a journey reaches it, and most one of its parts: compiled once
# (core/compiled.py says why).
_JOURNEY = CompiledQuery(
    lambda workspace_id, pk: Journey.objects.filter(workspace_id=workspace_id, pk=pk).order_by()
)


@cache
def _part_query(related: str) -> CompiledQuery:
    # The rows `journey.<related>` reaches (stages, channels, touchpoints: apps above this one).
    relation = getattr(Journey, related).rel
    model, journey_field = relation.related_model, relation.field.attname
    return CompiledQuery(
        lambda journey_id, pk: model._default_manager.filter(
            **{journey_field: journey_id}, pk=pk
        ).order_by()[:1]
    )


def get_journey(user, slug: str, pk: int, action: Action = Action.READ):
    """The journey `pk` of workspace `slug`, with the user's membership there."""
    membership = get_membership(user, slug, action)
    journey = _JOURNEY.first(membership.workspace_id, int(pk))
    if journey is None:
        raise Http404
    journey.workspace = membership.workspace
    return journey, membership


def find_in_journey(journey: Journey, related: str, part_pk: int):
    """The stage, channel or touchpoint (`related`: "stages"…) `part_pk` of a journey already
    reached through `get_journey`, or None: for a save that tells "deleted while you typed"
    apart without reaching the journey twice."""
    part = _part_query(related).first(journey.pk, int(part_pk))
    if part is not None:
        part.journey = journey
    return part


def get_in_journey(user, slug: str, pk: int, related: str, part_pk: int, action: Action):
    journey, membership = get_journey(user, slug, pk, action)
    part = find_in_journey(journey, related, part_pk)
    if part is None:
        raise Http404
    return part, membership


def get_stage(user, slug: str, pk: int, stage_pk: int, action: Action = Action.READ):
    """The stage `stage_pk` of journey `pk`, with the user's membership: (stage, membership)."""
    return get_in_journey(user, slug, pk, "stages", stage_pk, action)


def get_channel(user, slug: str, pk: int, channel_pk: int, action: Action = Action.READ):
    return get_in_journey(user, slug, pk, "channels", channel_pk, action)

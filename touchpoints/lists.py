"""Journeys and personas as their lists show them, with their sizes: a constant number of
queries whatever the number of rows."""

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from core.queries import correlated_count
from journeys.models import Activity, Channel, JourneyPersona, Stage
from touchpoints.models import FrictionNote, Status, Touchpoint


def journeys_with_counts(journeys: models.QuerySet) -> models.QuerySet:
    """`journeys` with their sizes, personas and the id of who changed them last (see
    `with_last_editors`), for lists: a constant number of queries."""
    last_change = Activity.objects.filter(journey=OuterRef("pk")).order_by("-created_at", "-pk")
    return (
        journeys.select_related("workspace")
        .annotate(
            last_editor_id=Subquery(last_change.values("actor")[:1]),
            stage_count=correlated_count(Stage.objects.all()),
            channel_count=correlated_count(Channel.objects.all()),
            touchpoint_count=correlated_count(Touchpoint.objects.all()),
            # A friction counts until it is resolved: "in progress" still hurts customers.
            open_friction_count=correlated_count(
                FrictionNote.objects.exclude(status=Status.RESOLVED), "touchpoint__journey"
            ),
        )
        .prefetch_related(
            models.Prefetch(
                "journey_personas", queryset=JourneyPersona.objects.select_related("persona")
            )
        )
    )


def with_last_editors(journeys) -> list:
    """The journeys of `journeys_with_counts`, each with `last_editor` (a user, or None), the
    users read in one query."""
    journeys = list(journeys)
    ids = {journey.last_editor_id for journey in journeys} - {None}
    users = get_user_model().objects.in_bulk(ids) if ids else {}
    for journey in journeys:
        journey.last_editor = users.get(journey.last_editor_id)
    return journeys


def journey_links_with_touchpoint_counts(persona) -> models.QuerySet:
    """The persona's journeys by title, each with how many touchpoints it has there."""
    cards = (
        Touchpoint.objects.filter(persona=persona, journey=OuterRef("journey"))
        .order_by()
        .values("journey")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        JourneyPersona.objects.filter(persona=persona, journey__deleted_at=None)
        .select_related("journey")
        .annotate(card_count=Coalesce(Subquery(cards, output_field=models.IntegerField()), 0))
        .order_by("journey__title", "pk")
    )

"""A journey's life after it is drawn: renamed, moved to the trash, restored, purged.

A deleted journey goes to the trash first: `deleted_at` hides it from every list, count and
address (Journey.objects leaves it out), and its owner or editors may restore it for
TRASH_DAYS days. After that `manage.py purge_trash` (run daily, README) deletes it for good,
with everything it holds. Copies are made by touchpoints/journey_copy.py, which knows the cards.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from journeys.models import Activity, Journey

TRASH_DAYS = 30


@dataclass(frozen=True)
class Contents:
    """What goes with a journey when it is deleted, for the confirmation to name."""

    stages: int
    channels: int
    personas: int
    touchpoints: int
    frictions: int
    comments: int


def contents(journey: Journey) -> Contents:
    """The journey's parts, counted in three queries (its cards and notes in one)."""
    cards = journey.touchpoints.aggregate(
        card_count=Count("pk", distinct=True),
        note_count=Count("frictions", distinct=True),
        comment_count=Count("frictions__comments", distinct=True),
    )
    return Contents(
        stages=journey.stages.count(),
        channels=journey.channels.count(),
        personas=journey.journey_personas.count(),
        touchpoints=cards["card_count"],
        frictions=cards["note_count"],
        comments=cards["comment_count"],
    )


def rename(journey: Journey, user, expected_version: int, **changes) -> None:
    """A new title or description, unless someone saved since `expected_version`
    (core.versioning.StaleVersion, carrying the journey now, or None once it is in the trash)."""
    with transaction.atomic():
        journey.save_changes(expected_version, **changes)
        Activity.record(user, Activity.Verb.UPDATED, journey, journey=journey)


def move_to_trash(journey: Journey, user) -> None:
    with transaction.atomic():
        Journey.objects.filter(pk=journey.pk).update(deleted_at=timezone.now(), deleted_by=user)
        Activity.record(user, Activity.Verb.DELETED, journey, journey=journey)


def in_trash(workspace):
    """The workspace's deleted journeys still restorable, last deleted first."""
    return (
        Journey.with_trashed.in_trash()
        .filter(workspace=workspace, deleted_at__gt=purge_before())
        .select_related("deleted_by")
        .order_by("-deleted_at", "pk")
    )


def restore(journey: Journey, user) -> None:
    with transaction.atomic():
        Journey.with_trashed.filter(pk=journey.pk).update(
            deleted_at=None, deleted_by=None, updated_at=timezone.now()
        )
        journey.deleted_at = None
        Activity.record(user, Activity.Verb.RESTORED, journey, journey=journey)


def purge_before(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=TRASH_DAYS)


def purge(now: datetime | None = None) -> int:
    """Delete for good the journeys in the trash for more than TRASH_DAYS days; how many."""
    expired = Journey.with_trashed.filter(deleted_at__lte=purge_before(now))
    count = expired.count()
    expired.delete()
    return count


def expires_at(journey: Journey) -> datetime:
    return journey.deleted_at + timedelta(days=TRASH_DAYS)

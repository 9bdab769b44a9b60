"""A journey's copy: its stages, channels, personas' maps, cards and friction notes, and, when
asked, the notes' comments.

The copy draws the same personas (they belong to the workspace, not to a journey: copying them
would leave two of each), in new stages, channels and cards with the same keys, so the copy's
journey file is the original's. Comments are copied without their mentions: nobody should be
notified again of a message already read.
"""

from django.db import transaction
from django.utils.translation import gettext

from journeys.models import Activity, Journey
from touchpoints.models import Comment, FrictionNote

COPIED_JOURNEY_FIELDS = ["workspace_id", "description", "language"]


def copy_title(title: str) -> str:
    limit = Journey._meta.get_field("title").max_length
    return (gettext("%(title)s (copy)") % {"title": title})[:limit]


def duplicate_journey(journey: Journey, user, *, with_comments: bool = False) -> Journey:
    """A new journey of the same workspace, a copy of `journey`, in one transaction."""
    with transaction.atomic():
        copy = Journey.objects.create(
            title=copy_title(journey.title),
            created_by=user,
            **{name: getattr(journey, name) for name in COPIED_JOURNEY_FIELDS},
        )
        stages = _copy_rows(journey.stages.all(), journey=copy)
        channels = _copy_rows(journey.channels.all(), journey=copy)
        _copy_rows(journey.journey_personas.all(), journey=copy)
        cards = _copy_rows(
            journey.touchpoints.all(),
            journey=copy,
            stage_id=lambda card: stages[card.stage_id].pk,
            channel_id=lambda card: channels[card.channel_id].pk,
        )
        notes = _copy_rows(
            FrictionNote.objects.filter(touchpoint__journey=journey),
            touchpoint_id=lambda note: cards[note.touchpoint_id].pk,
        )
        if with_comments:
            _copy_rows(
                Comment.objects.filter(friction__touchpoint__journey=journey),
                friction_id=lambda comment: notes[comment.friction_id].pk,
            )
        Activity.record(user, Activity.Verb.DUPLICATED, journey, journey=copy)
    return copy


def _copy_rows(rows, **changes) -> dict:
    """New rows like `rows`, each with `changes` (a value, or a function of the old row), in
    one INSERT; returns the new rows by the old ones' ids, for the next level to link to."""
    olds = list(rows.order_by("pk"))
    news = []
    for old in olds:
        new = type(old)(
            **{
                field.attname: getattr(old, field.attname)
                for field in old._meta.concrete_fields
                if not field.primary_key
            }
        )
        for name, value in changes.items():
            setattr(new, name, value(old) if callable(value) else value)
        news.append(new)
    created = type(olds[0]).objects.bulk_create(news) if olds else []
    return {old.pk: new for old, new in zip(olds, created, strict=True)}

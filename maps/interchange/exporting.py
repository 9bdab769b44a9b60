"""A journey as a `parcours.journey` v1 document, in the schema's field order."""

import base64
import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from datetime import timezone as fixed_offset
from operator import attrgetter

from django.utils import timezone

from journeys.models import Journey
from maps.interchange.schema import FORMAT, VERSION
from personas.models import Persona, avatar_colour_for
from touchpoints.models import Comment, FrictionNote, Touchpoint


def touchpoints_in_file_order(touchpoints: Iterable[Touchpoint]) -> list[Touchpoint]:
    """Touchpoints in the order a journey file lists them.

    A file orders each cell's cards (one persona, stage and channel) by their order in the list.
    Creation order (pk) is kept for everything else, so an untouched import comes back in the
    order of its file; within each cell, the cards fill that cell's places in position order,
    so a card moved inside its cell comes back in its new place.
    """
    by_pk = sorted(touchpoints, key=attrgetter("pk"))
    cells = defaultdict(list)
    for touchpoint in by_pk:
        cells[_cell(touchpoint)].append(touchpoint)
    in_position_order = {
        cell: iter(sorted(cards, key=attrgetter("position", "pk"))) for cell, cards in cells.items()
    }
    return [next(in_position_order[_cell(touchpoint)]) for touchpoint in by_pk]


def _cell(touchpoint: Touchpoint) -> tuple[int, int, int]:
    return touchpoint.persona_id, touchpoint.stage_id, touchpoint.channel_id


def format_timestamp(moment: datetime, offset_minutes: int = 0) -> str:
    """ISO 8601 at the given UTC offset; UTC is written with a Z."""
    local = moment.astimezone(
        fixed_offset(timedelta(minutes=offset_minutes)) if offset_minutes else UTC
    )
    return local.isoformat().replace("+00:00", "Z")


def export_journey(journey: Journey) -> dict:
    """The journey as a `parcours.journey` v1 document, in at most six queries whatever its size."""
    stages = list(journey.stages.order_by("position", "pk"))
    channels = list(journey.channels.order_by("position", "pk"))
    links = list(journey.journey_personas.select_related("persona").order_by("position", "pk"))
    touchpoints = touchpoints_in_file_order(journey.touchpoints.all())
    frictions = FrictionNote.objects.filter(touchpoint__journey=journey).order_by("pk")
    # One query grouped here rather than prefetch_related, which builds a queryset per note:
    # that was a third of a 400-card export (a snapshot, bench/versions.py).
    comments = defaultdict(list)
    journey_comments = Comment.objects.filter(friction__touchpoint__journey=journey)
    for comment in journey_comments.select_related("author").order_by("pk"):
        comments[comment.friction_id].append(comment)

    # Personas keep channel names, not links; the first lane of this journey with that name
    # stands for it, and a name this journey has no lane for is left out.
    channel_key_by_name: dict[str, str] = {}
    for channel in channels:
        channel_key_by_name.setdefault(channel.name, channel.key)
    stage_keys = {stage.pk: stage.key for stage in stages}
    channel_keys = {channel.pk: channel.key for channel in channels}
    persona_keys = {link.persona_id: link.key for link in links}
    touchpoint_keys = {touchpoint.pk: touchpoint.key for touchpoint in touchpoints}

    return {
        "format": FORMAT,
        "version": VERSION,
        "language": journey.language,
        "exported_at": format_timestamp(timezone.now().replace(microsecond=0)),
        "journey": {"title": journey.title, "description": journey.description},
        "stages": [
            {"key": stage.key, "name": stage.name, "description": stage.description}
            for stage in stages
        ],
        "channels": [{"key": channel.key, "name": channel.name} for channel in channels],
        "personas": [
            {
                "key": link.key,
                "name": link.persona.name,
                "role": link.persona.role,
                "age": link.persona.age,
                "quote": link.persona.quote,
                "bio": link.persona.bio,
                "goals": link.persona.goals,
                "frustrations": link.persona.frustrations,
                "needs": link.persona.needs,
                "channels": [
                    channel_key_by_name[name]
                    for name in link.persona.preferred_channels
                    if name in channel_key_by_name
                ],
                **_looks(link.persona),
            }
            for link in links
        ],
        "touchpoints": [
            {
                "key": touchpoint.key,
                "persona": persona_keys[touchpoint.persona_id],
                "stage": stage_keys[touchpoint.stage_id],
                "channel": channel_keys[touchpoint.channel_id],
                "title": touchpoint.title,
                "description": touchpoint.description,
                "emotion": touchpoint.emotion,
                "owner": touchpoint.owner,
            }
            for touchpoint in touchpoints
        ],
        "frictions": [
            {
                "touchpoint": touchpoint_keys[friction.touchpoint_id],
                "title": friction.title,
                "description": friction.description,
                "severity": friction.severity,
                "status": friction.status,
                "comments": [
                    {
                        "author": comment.author_label,
                        "body": comment.body,
                        "created_at": format_timestamp(
                            comment.created_at, comment.created_at_offset
                        ),
                    }
                    for comment in comments[friction.pk]
                ],
            }
            for friction in frictions
        ],
    }


def _looks(persona: Persona) -> dict:
    """The optional fields of a persona: its colour when it is not the one its name gives (an
    import picks that one by itself), its photo when it has one, as base64 JPEG."""
    looks = {}
    if persona.colour and persona.colour != avatar_colour_for(persona.name):
        looks["colour"] = persona.colour
    if persona.photo:
        with persona.photo.open("rb") as photo:
            looks["photo"] = base64.b64encode(photo.read()).decode("ascii")
    return looks


def dump_journey(journey: Journey) -> str:
    """The journey file's text: the export as indented UTF-8 JSON, like the example files."""
    return json.dumps(export_journey(journey), ensure_ascii=False, indent=2)

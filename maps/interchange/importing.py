"""Writing a validated journey file into a workspace, as a new journey."""

from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

from django.db import transaction

from journeys.channel_icons import LANE_COLOURS, icon_for
from journeys.models import Activity, Channel, Journey, JourneyPersona, Stage
from maps.interchange.reading import parse_journey_file
from personas.models import Persona, avatar_colour_for, new_photo_name
from touchpoints.models import Comment, FrictionNote, Touchpoint
from workspaces.models import Workspace


def import_journey(
    workspace: Workspace, data: bytes, user=None, *, reuse_personas: bool = False
) -> Journey:
    """A new journey of `workspace` made from the bytes of a `parcours.journey` file.

    The whole file is checked before anything is written (InvalidJourneyFile lists every
    problem), then everything is written in one transaction. The file's personas become new
    personas of the workspace; with `reuse_personas`, a persona of the workspace with the same
    name is drawn instead, as it is (the file's details of that persona are left out), so
    importing a file twice does not make two of each persona.
    """
    document = parse_journey_file(data)
    with transaction.atomic():
        journey = Journey.objects.create(
            workspace=workspace,
            title=document["journey"]["title"],
            description=document["journey"]["description"],
            language=document["language"],
            created_by=user,
        )
        stages = Stage.objects.bulk_create(
            Stage(
                journey=journey,
                key=stage["key"],
                name=stage["name"],
                description=stage["description"],
                position=position,
            )
            for position, stage in enumerate(document["stages"])
        )
        channels = Channel.objects.bulk_create(
            Channel(
                journey=journey,
                key=channel["key"],
                name=channel["name"],
                icon=icon_for(channel["key"], channel["name"]),
                colour=LANE_COLOURS[position % len(LANE_COLOURS)],
                position=position,
            )
            for position, channel in enumerate(document["channels"])
        )
        channel_names = {channel.key: channel.name for channel in channels}
        reused = _reused_personas(workspace, document["personas"]) if reuse_personas else {}
        created = Persona.objects.bulk_create(
            _persona(workspace, entry, channel_names)
            for entry in document["personas"]
            if entry["key"] not in reused
        )
        made = iter(created)
        persona_by_key = {
            entry["key"]: reused.get(entry["key"]) or next(made) for entry in document["personas"]
        }
        JourneyPersona.objects.bulk_create(
            JourneyPersona(journey=journey, persona=persona, key=key, position=position)
            for position, (key, persona) in enumerate(persona_by_key.items())
        )
        touchpoints = Touchpoint.objects.bulk_create(
            _touchpoints(
                journey,
                document["touchpoints"],
                personas=persona_by_key,
                stages={stage.key: stage for stage in stages},
                channels={channel.key: channel for channel in channels},
            )
        )
        touchpoint_by_key = {touchpoint.key: touchpoint for touchpoint in touchpoints}
        frictions = FrictionNote.objects.bulk_create(
            FrictionNote(
                touchpoint=touchpoint_by_key[friction["touchpoint"]],
                title=friction["title"],
                description=friction["description"],
                severity=friction["severity"],
                status=friction["status"],
            )
            for friction in document["frictions"]
        )
        Comment.objects.bulk_create(
            Comment(
                friction=friction,
                author_name=comment["author"],
                body=comment["body"],
                created_at=comment["created_at"],
                created_at_offset=comment["created_at"].utcoffset() // timedelta(minutes=1),
            )
            for friction, entry in zip(frictions, document["frictions"], strict=True)
            for comment in entry["comments"]
        )
        Activity.record(user, Activity.Verb.IMPORTED, journey, journey=journey)
    return journey


def _reused_personas(workspace: Workspace, entries: list[dict]) -> dict[str, Persona]:
    """The workspace's personas that the file's personas name, by the file's keys: the oldest
    of a name, each reused once (two personas of one name in a file stay two)."""
    existing: dict[str, Persona] = {}
    for persona in Persona.objects.filter(
        workspace=workspace, name__in=[entry["name"] for entry in entries]
    ).order_by("pk"):
        existing.setdefault(persona.name, persona)
    return {
        entry["key"]: existing.pop(entry["name"]) for entry in entries if entry["name"] in existing
    }


def _persona(workspace: Workspace, entry: dict, channel_names: dict[str, str]) -> Persona:
    persona = Persona(
        workspace=workspace,
        name=entry["name"],
        role=entry["role"],
        age=entry["age"],
        quote=entry["quote"],
        bio=entry["bio"],
        goals=entry["goals"],
        frustrations=entry["frustrations"],
        needs=entry["needs"],
        preferred_channels=[channel_names[key] for key in entry["channels"]],
        # bulk_create skips Persona.save, which would pick this colour.
        colour=entry.get("colour") or avatar_colour_for(entry["name"]),
    )
    if "photo" in entry:
        # The file checked and prepared by the schema (maps/interchange/persona_fields.py).
        persona.photo.save(new_photo_name(), entry["photo"], save=False)
    return persona


def _touchpoints(
    journey: Journey,
    entries: list[dict],
    *,
    personas: dict[str, Persona],
    stages: dict[str, Stage],
    channels: dict[str, Channel],
) -> Iterator[Touchpoint]:
    # The file orders a cell's cards by their order in the list; positions number them.
    cards_in_cell: Counter = Counter()
    for entry in entries:
        cell = (entry["persona"], entry["stage"], entry["channel"])
        yield Touchpoint(
            journey=journey,
            persona=personas[entry["persona"]],
            stage=stages[entry["stage"]],
            channel=channels[entry["channel"]],
            key=entry["key"],
            title=entry["title"],
            description=entry["description"],
            emotion=entry["emotion"],
            owner=entry["owner"],
            position=cards_in_cell[cell],
        )
        cards_in_cell[cell] += 1

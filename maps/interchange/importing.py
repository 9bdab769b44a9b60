"""Writing a validated journey file into a workspace, as a new journey."""

from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

from django.db import transaction

from journeys.channel_icons import LANE_COLOURS, icon_for
from journeys.models import Activity, Channel, Journey, JourneyPersona, Stage
from maps.interchange.evidence_io import import_evidence
from maps.interchange.reading import parse_journey_file
from personas.models import Persona, avatar_colour_for
from touchpoints.models import Comment, FrictionNote, Touchpoint
from workspaces.models import Workspace


def import_journey(workspace: Workspace, data: bytes, user=None) -> Journey:
    """A new journey of `workspace` made from the bytes of a `parcours.journey` file.

    The whole file is checked before anything is written (InvalidJourneyFile lists every
    problem), then everything is written in one transaction. The file's personas become new
    personas of the workspace: reusing one with the same name would mix two people's details.
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
        personas = Persona.objects.bulk_create(
            Persona(
                workspace=workspace,
                name=persona["name"],
                role=persona["role"],
                age=persona["age"],
                quote=persona["quote"],
                bio=persona["bio"],
                goals=persona["goals"],
                frustrations=persona["frustrations"],
                needs=persona["needs"],
                preferred_channels=[channel_names[key] for key in persona["channels"]],
                # bulk_create skips Persona.save, which would pick this colour.
                colour=avatar_colour_for(persona["name"]),
            )
            for persona in document["personas"]
        )
        persona_by_key = dict(
            zip([entry["key"] for entry in document["personas"]], personas, strict=True)
        )
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
        import_evidence(
            journey,
            document,
            {
                "stage": {stage.key: stage for stage in stages},
                "touchpoint": touchpoint_by_key,
                "persona": persona_by_key,
            },
        )
        Activity.record(user, Activity.Verb.IMPORTED, journey, journey=journey)
    return journey


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

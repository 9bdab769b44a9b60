"""Writing a validated journey file into a workspace, as a new journey."""

from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

from django.db import transaction

from journeys.channel_icons import LANE_COLOURS, icon_for
from journeys.models import Activity, Channel, Journey, JourneyPersona, Stage
from maps.interchange.evidence_io import import_evidence
from maps.interchange.reading import parse_journey_file
from personas.models import Persona, avatar_colour_for, new_photo_name
from touchpoints.models import Comment, FrictionNote, Touchpoint
from workspaces.models import Workspace


def import_journey(
    workspace: Workspace,
    data: bytes,
    user=None,
    *,
    into: Journey | None = None,
    reuse_personas: dict[str, Persona] | None = None,
    same_name_personas: bool = False,
) -> Journey:
    """A new journey of `workspace` made from the bytes of a `parcours.journey` file.

    The whole file is checked before anything is written (InvalidJourneyFile lists every
    problem), then everything is written in one transaction. The file's personas become new
    personas of the workspace, unless `same_name_personas`: then a persona of the workspace with
    the same name is drawn instead, as it is (the file's details of that persona are left out),
    so importing a file twice does not make two of each persona.

    `into` (a restore, an import over a journey) is a journey of `workspace` whose content the
    file replaces: it keeps its id, so links to it keep working. `reuse_personas` names, by key,
    personas of the workspace to reuse (a restored journey's own, a to-be's as-is ones) rather
    than new ones; they take the file's details.
    """
    document = parse_journey_file(data)
    with transaction.atomic():
        if into is None:
            journey = Journey.objects.create(
                workspace=workspace,
                title=document["journey"]["title"],
                description=document["journey"]["description"],
                language=document["language"],
                created_by=user,
            )
        else:
            journey = _emptied(into, document)
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
        entries = document["personas"]
        # Personas the caller names take the file's details; those found by name stay as they are.
        kept = _same_name_personas(workspace, entries) if same_name_personas else {}
        kept = {key: persona for key, persona in kept.items() if key not in (reuse_personas or {})}
        personas = _saved_personas(
            entries,
            reuse_personas or {},
            kept,
            [persona_from_file(entry, channel_names, workspace=workspace) for entry in entries],
        )
        persona_by_key = dict(zip([entry["key"] for entry in entries], personas, strict=True))
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
        if into is None:
            Activity.record(user, Activity.Verb.IMPORTED, journey, journey=journey)
    return journey


def _emptied(journey: Journey, document: dict) -> Journey:
    """`journey` locked, its content deleted and its own fields set to the file's."""
    Journey.objects.select_for_update().filter(pk=journey.pk).first()
    journey.touchpoints.all().delete()
    journey.stages.all().delete()
    journey.channels.all().delete()
    journey.journey_personas.all().delete()
    journey.title = document["journey"]["title"]
    journey.description = document["journey"]["description"]
    journey.language = document["language"]
    journey.version += 1
    journey.save(update_fields=["title", "description", "language", "version", "updated_at"])
    return journey


# The persona fields a journey file carries, which a persona reused by key takes from it.
PERSONA_FILE_FIELDS = [
    "name", "role", "age", "quote", "bio", "goals", "frustrations", "needs", "colour"
]  # fmt: skip


def _saved_personas(
    entries: list[dict], reuse: dict[str, Persona], same: dict[str, Persona], new: list[Persona]
) -> list:
    """The file's personas saved: new ones created, those in `reuse` (by file key) updated,
    those in `same` (found by name) drawn as they are."""
    fresh = [
        _with_photo(persona, entry)
        for entry, persona in zip(entries, new, strict=True)
        if entry["key"] not in reuse and entry["key"] not in same
    ]
    created = iter(Persona.objects.bulk_create(fresh))
    saved = []
    for entry, persona in zip(entries, new, strict=True):
        if entry["key"] in same:
            saved.append(same[entry["key"]])
            continue
        kept = reuse.get(entry["key"])
        if kept is None:
            saved.append(next(created))
            continue
        _restore_photo(kept, entry)
        wanted = {name: getattr(persona, name) for name in PERSONA_FILE_FIELDS}
        # Channels this journey has no lane for are the persona's other journeys': kept.
        wanted["preferred_channels"] = persona.preferred_channels + [
            name for name in kept.preferred_channels if name not in persona.preferred_channels
        ]
        changed = [name for name, value in wanted.items() if getattr(kept, name) != value]
        if changed:
            for name in changed:
                setattr(kept, name, wanted[name])
            kept.version += 1
            kept.save(update_fields=[*changed, "version", "updated_at"])
        saved.append(kept)
    return saved


def _same_name_personas(workspace: Workspace, entries: list[dict]) -> dict[str, Persona]:
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


def persona_from_file(entry: dict, channel_names: dict[str, str], **fields) -> Persona:
    """An unsaved persona from a file's persona entry (its photo aside); `fields` adds the rest
    (a workspace for an import, an id for a version drawn from its file)."""
    persona = Persona(
        **fields,
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
    return persona


def _with_photo(persona: Persona, entry: dict) -> Persona:
    if "photo" in entry:
        # The file checked and prepared by the schema (maps/interchange/persona_fields.py).
        persona.photo.save(new_photo_name(), entry["photo"], save=False)
    return persona


def _restore_photo(persona: Persona, entry: dict) -> None:
    """A reused persona's photo made the file's, so the journey exports as the file was."""
    if "photo" not in entry:
        if persona.photo:
            persona.photo = None
            persona.save(update_fields=["photo"])
        return
    if persona.photo:
        with persona.photo.open("rb") as stored:
            if stored.read() == entry["photo"].read():
                return
        entry["photo"].seek(0)
    persona.photo.save(new_photo_name(), entry["photo"], save=False)
    persona.save(update_fields=["photo"])


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

"""Taking a journey's snapshot and giving the journey back its content, in place.

A snapshot is the journey file (`maps/interchange/exporting.py`). A restore writes that file
over the journey itself (`import_journey(into=...)`): the journey keeps its id and address, so
links, bookmarks and the as-is/to-be pair keep working, and it exports again exactly as it did
when the snapshot was taken (apart from `exported_at`). The personas come back as themselves,
with their details of that day; cards, notes and lanes are new rows.
"""

import json

from django.db import transaction
from django.utils.translation import gettext as _

from journeys.models import Activity, Journey
from maps.interchange.exporting import export_journey
from maps.interchange.importing import import_journey
from personas.models import Persona
from versions.models import Version


def take_snapshot(
    journey: Journey, label: str, user=None, kind: str = Version.Kind.MANUAL
) -> Version:
    """A new version of `journey` holding its file as it is now."""
    document = export_journey(journey)
    version = Version(
        journey=journey,
        label=label,
        kind=kind,
        created_by=user,
        persona_ids={link.key: link.persona_id for link in journey.journey_personas.all()},
    )
    version.set_document(document)
    version.save()
    return version


def restore(version: Version, user=None) -> Version:
    """The journey of `version` given back that version's content, after a snapshot of the
    present (returned), so a restore can itself be undone."""
    journey = version.journey
    with transaction.atomic():
        before = take_snapshot(
            journey,
            _("Before restoring “%(label)s”") % {"label": version.label},
            user,
            Version.Kind.BEFORE_RESTORE,
        )
        write_over(journey, version.file_bytes(), version.persona_ids, user)
    return before


def replace_from_file(journey: Journey, data: bytes, user=None) -> Version:
    """Import a journey file over `journey`, after a snapshot of the present (returned).

    The file is checked first (InvalidJourneyFile): a refused file changes nothing, not even
    the list of versions.
    """
    with transaction.atomic():
        before = take_snapshot(
            journey, _("Before importing a file"), user, Version.Kind.BEFORE_IMPORT
        )
        write_over(journey, data, {}, user)
    return before


def write_over(journey: Journey, data: bytes, persona_ids: dict[str, int], user=None) -> None:
    """The file's content in place of the journey's. Personas are reused by the ids given,
    else by the key they have in the journey now; a persona since deleted comes back as new."""
    current = {link.key: link.persona_id for link in journey.journey_personas.all()}
    wanted = {key: persona_ids.get(key) or current.get(key) for key in _persona_keys(data)}
    found = Persona.objects.filter(workspace_id=journey.workspace_id, pk__in=wanted.values())
    by_id = {persona.pk: persona for persona in found}
    reuse, taken = {}, set()
    for key, persona_id in wanted.items():
        # One persona drawn once per journey: a second key pointing at it gets a new one.
        if persona_id in by_id and persona_id not in taken:
            reuse[key] = by_id[persona_id]
            taken.add(persona_id)
    import_journey(journey.workspace, data, user, into=journey, reuse_personas=reuse)
    Activity.record(user, Activity.Verb.UPDATED, journey, journey=journey)


def _persona_keys(data: bytes) -> list[str]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
        return [persona["key"] for persona in document["personas"]]
    except (ValueError, KeyError, TypeError):
        return []  # the import itself says what is wrong with the file

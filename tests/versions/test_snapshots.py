import pytest

from journeys.models import Journey
from personas.models import Persona
from tests.maps.helpers import DEMO_FILES
from tests.versions.helpers import change_everything, demo_journey, exported
from versions.models import Version
from versions.snapshots import restore, take_snapshot

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda path: path.stem)
def test_restore_after_changing_everything_gives_back_the_same_export(workspace, path):
    journey = demo_journey(workspace, path)
    before = exported(journey)
    version = take_snapshot(journey, "Avant la refonte")

    change_everything(journey)
    assert exported(Journey.objects.get(pk=journey.pk)) != before
    restore(version)

    assert exported(Journey.objects.get(pk=journey.pk)) == before


def test_restore_keeps_the_journey_and_its_personas(workspace):
    journey = demo_journey(workspace)
    personas = set(journey.journey_personas.values_list("persona_id", flat=True))
    version = take_snapshot(journey, "v1")
    change_everything(journey)

    restore(version)

    assert Journey.objects.filter(pk=journey.pk).exists()
    assert set(journey.journey_personas.values_list("persona_id", flat=True)) == personas
    assert Persona.objects.filter(workspace=workspace).count() == len(personas)


def test_restore_snapshots_the_present_first(workspace, editor):
    journey = demo_journey(workspace)
    version = take_snapshot(journey, "v1", editor)
    change_everything(journey)
    changed = exported(journey)

    before = restore(version, editor)

    assert before.kind == Version.Kind.BEFORE_RESTORE
    assert before.created_by == editor
    assert "v1" in before.label
    restore(before)
    assert exported(journey) == changed


def test_a_persona_removed_from_the_journey_comes_back_as_itself(workspace):
    journey = demo_journey(workspace)
    link = journey.journey_personas.first()
    version = take_snapshot(journey, "v1")
    journey.remove_persona(link.persona)

    restore(version)

    assert journey.journey_personas.filter(persona=link.persona, key=link.key).exists()


def test_a_snapshot_is_stored_compressed_with_its_counts(workspace):
    journey = demo_journey(workspace)

    version = take_snapshot(journey, "v1")

    version.refresh_from_db()
    assert len(bytes(version.data)) < len(version.file_bytes()) / 2
    assert version.touchpoint_count == journey.touchpoints.count()
    assert version.stage_count == journey.stages.count()
    assert version.persona_count == 2
    assert version.document()["journey"]["title"] == journey.title

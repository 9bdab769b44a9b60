import os
import subprocess
import sys

import pytest
from django.core.management import CommandError

from journeys.models import Journey
from tests.commands import run_command
from tests.maps.helpers import ROOT
from tests.versions.helpers import change_everything, demo_journey, exported
from versions.models import Version

pytestmark = pytest.mark.django_db


def test_snapshot_journey_prints_the_snapshot_id(workspace):
    journey = demo_journey(workspace)

    stdout, _stderr = run_command("snapshot_journey", str(journey.pk), "--label", "Avant")

    version = Version.objects.get()
    assert stdout == f"snapshot {version.pk}\n"
    assert version.label == "Avant"


def test_restore_snapshot_restores_in_place_and_prints_the_journey_id(workspace):
    journey = demo_journey(workspace)
    before = exported(journey)
    run_command("snapshot_journey", str(journey.pk), "--label", "Avant")
    change_everything(journey)

    stdout, _stderr = run_command("restore_snapshot", str(Version.objects.get().pk))

    assert stdout == f"restored {journey.pk}\n"
    assert exported(Journey.objects.get(pk=journey.pk)) == before


@pytest.mark.parametrize(
    "args",
    [
        ("snapshot_journey", "424242", "--label", "x"),
        ("snapshot_journey", "abc", "--label", "x"),
        ("restore_snapshot", "424242"),
        ("restore_snapshot", "abc"),
    ],
)
def test_unknown_ids_are_refused_and_change_nothing(workspace, args):
    journey = demo_journey(workspace)
    before = exported(journey)

    with pytest.raises(CommandError, match="no (journey|snapshot) with id"):
        run_command(*args)

    assert not Version.objects.exists()
    assert exported(journey) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("restore_snapshot", "424242"), "There is no snapshot with id 424242"),
        (("snapshot_journey", "424242", "--label", "x"), "There is no journey with id 424242"),
    ],
)
def test_unknown_ids_exit_with_status_1_and_a_message(tmp_path, args, message):
    """A real `manage.py` process, on a migrated SQLite database of its own."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--noinput"], cwd=ROOT, env=env, check=True, capture_output=True
    )

    result = subprocess.run(
        [*manage, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )

    assert result.returncode == 1
    assert message in result.stderr
    assert result.stdout == ""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from journeys.models import Journey
from maps.interchange.exporting import export_journey
from maps.interchange.importing import import_journey
from maps.spreadsheet import journey_csv
from personas.models import Persona
from tests.commands import run_command
from tests.factories import WorkspaceFactory
from tests.maps.helpers import DEMO_DIR, ROOT, encode
from touchpoints.models import Comment, Mention, Touchpoint
from workspaces.models import Membership, Role, Workspace

BRICOLAGE = DEMO_DIR / "fr-bricolage-deux-personas.json"


def _bad_file(tmp_path: Path, document: dict) -> Path:
    document["touchpoints"][3]["emotion"] = 7
    document["frictions"][0]["touchpoint"] = "t99"
    path = tmp_path / "bad.json"
    path.write_bytes(encode(document))
    return path


@pytest.mark.django_db
class TestImportJourney:
    def test_prints_the_new_journeys_id_and_creates_the_workspace(self):
        stdout, stderr = run_command("import_journey", str(BRICOLAGE), "--workspace", "atelier")

        journey = Journey.objects.get()
        assert stdout == f"imported {journey.pk}\n"
        assert stderr == ""
        workspace = Workspace.objects.get(slug="atelier")
        assert (workspace.name, workspace.language) == ("atelier", "fr")
        assert journey.workspace == workspace
        assert not workspace.memberships.exists()

    def test_new_workspace_is_english_unless_the_file_is_french(self, tmp_path, document):
        document["language"] = "de"
        path = tmp_path / "de.json"
        path.write_bytes(encode(document))

        run_command("import_journey", str(path), "--workspace", "berlin")

        assert Workspace.objects.get(slug="berlin").language == "en"

    def test_imports_into_an_existing_workspace_as_it_is(self):
        workspace = WorkspaceFactory(slug="agence", name="Agence", language="en")

        run_command("import_journey", str(BRICOLAGE), "--workspace", "agence")
        run_command("import_journey", str(BRICOLAGE), "--workspace", "agence")

        workspace.refresh_from_db()
        assert (workspace.name, workspace.language) == ("Agence", "en")
        assert workspace.journeys.count() == 2

    def test_bad_file_lists_every_problem_and_changes_nothing(self, tmp_path, document):
        path = _bad_file(tmp_path, document)
        stderr = StringIO()

        with pytest.raises(CommandError, match="not imported"):
            call_command("import_journey", str(path), "--workspace", "x", stderr=stderr)

        assert stderr.getvalue().splitlines() == [
            f"{path}: touchpoints[3].emotion: 7 is not between -2 and 2",
            f'{path}: frictions[0].touchpoint: unknown touchpoint "t99"',
        ]
        assert not Workspace.objects.exists()
        assert not Persona.objects.exists()

    def test_missing_file_is_a_clear_error(self, tmp_path):
        with pytest.raises(CommandError, match="cannot read the file"):
            call_command("import_journey", str(tmp_path / "nope.json"), "--workspace", "x")

    def test_workspace_must_be_a_slug(self):
        with pytest.raises(CommandError, match="not a workspace slug"):
            call_command("import_journey", str(BRICOLAGE), "--workspace", "Mon équipe")


@pytest.mark.django_db
class TestExportJourney:
    @pytest.fixture
    def journey(self, workspace):
        return import_journey(workspace, BRICOLAGE.read_bytes())

    def test_writes_json_to_standard_output_by_default(self, journey):
        stdout, _ = run_command("export_journey", str(journey.pk))

        assert json.loads(stdout)["touchpoints"] == export_journey(journey)["touchpoints"]
        assert stdout.endswith("}\n")

    def test_writes_json_to_a_file(self, journey, tmp_path):
        output = tmp_path / "journey.json"

        stdout, _ = run_command("export_journey", str(journey.pk), "--output", str(output))

        exported = json.loads(output.read_text(encoding="utf-8"))
        assert exported["journey"]["title"] == "Équiper un projet de bricolage"
        assert stdout == f"exported journey {journey.pk} to {output}\n"

    def test_writes_csv_to_a_file(self, journey, tmp_path):
        output = tmp_path / "journey.csv"

        run_command("export_journey", str(journey.pk), "--format", "csv", "--output", str(output))

        assert output.read_bytes() == journey_csv(journey)

    def test_unknown_journey_is_a_clear_error(self, db):
        with pytest.raises(CommandError, match="no journey with id 404"):
            call_command("export_journey", "404")

    def test_unknown_format_is_refused(self, journey):
        with pytest.raises(CommandError, match="invalid choice: 'docx'"):
            call_command("export_journey", str(journey.pk), "--format", "docx")


@pytest.mark.django_db
class TestLoadDemo:
    def test_loads_the_team_and_three_journeys(self):
        stdout, _ = run_command("load_demo")

        workspace = Workspace.objects.get(slug="demo")
        assert (workspace.name, workspace.language) == ("Demo workspace", "fr")
        roles = {m.user.email: (m.user.name, m.role) for m in workspace.memberships.all()}
        assert roles == {
            "demo@parcours.example": ("Camille Martin", Role.OWNER),
            "editor@parcours.example": ("Élodie Garnier", Role.EDITOR),
            "commenter@parcours.example": ("Hugo Lambert", Role.COMMENTER),
            "viewer@parcours.example": ("Sarah Cohen", Role.VIEWER),
        }
        assert all(User.objects.get(email=e).check_password("parcours-demo") for e in roles)
        assert sorted(workspace.journeys.values_list("title", flat=True)) == [
            "Acheter une veste en ligne",
            "Adopt a project-management SaaS",
            "Équiper un projet de bricolage",
        ]
        assert "demo@parcours.example / parcours-demo" in stdout.splitlines()[-2]

    def test_the_owner_finds_a_thread_that_mentions_them(self):
        run_command("load_demo")

        [mention] = Mention.objects.all()
        assert mention.user.email == "demo@parcours.example"
        assert mention.read_at is None
        note = mention.comment.friction
        assert note.status == "open"
        posted = [c.author.name for c in note.comments.exclude(author=None)]
        assert posted == ["Élodie Garnier", "Hugo Lambert"]

    def test_running_it_twice_adds_nothing(self):
        run_command("load_demo")
        models = [User, Workspace, Membership, Journey, Persona, Touchpoint, Comment, Mention]
        before = {model.__name__: model.objects.count() for model in models}

        run_command("load_demo")

        assert {model.__name__: model.objects.count() for model in models} == before


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory) -> dict[str, str]:
    """The environment of a real `manage.py` process with its own migrated SQLite database.

    The test database lives in this process's connection (and on PostgreSQL under a test
    name), so a child process gets a database of its own.
    """
    database = tmp_path_factory.mktemp("cli") / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return env


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def test_command_line_import_prints_one_line_and_export_gives_the_file_back(cli_env):
    imported = _manage(cli_env, "import_journey", str(BRICOLAGE), "--workspace", "cli")

    assert imported.returncode == 0, imported.stderr
    [line] = imported.stdout.splitlines()
    verb, journey_id = line.split(" ")
    assert verb == "imported"
    exported = _manage(cli_env, "export_journey", journey_id)
    assert exported.returncode == 0, exported.stderr
    original = json.loads(BRICOLAGE.read_bytes())
    assert json.loads(exported.stdout)["touchpoints"] == original["touchpoints"]


def test_command_line_import_of_a_bad_file_fails_without_a_traceback(cli_env, tmp_path, document):
    path = _bad_file(tmp_path, document)

    result = _manage(cli_env, "import_journey", str(path), "--workspace", "cli")

    assert result.returncode != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert f"{path}: touchpoints[3].emotion: 7 is not between -2 and 2" in result.stderr
    assert f'{path}: frictions[0].touchpoint: unknown touchpoint "t99"' in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("import_journey", "/nonexistent/journey.json", "--workspace", "cli"),
        ("export_journey", "999999"),
        ("add_member", "owner@example.com", "--workspace", "cli", "--role", "boss"),
    ],
    ids=["missing file", "unknown journey", "unknown role"],
)
def test_command_line_errors_exit_non_zero_without_a_traceback(cli_env, args):
    result = _manage(cli_env, *args)

    assert result.returncode != 0
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr

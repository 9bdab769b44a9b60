"""Journey files written to hurt: each is refused with a message, never a traceback, quickly,
with a short report, and with the limits the editor applies (core/limits.py)."""

import json
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError
from django.urls import reverse

from core import limits
from journeys.models import Journey
from maps.interchange.importing import import_journey
from maps.interchange.schema import InvalidJourneyFile
from tests.commands import run_command
from tests.maps.helpers import encode

pytestmark = pytest.mark.django_db


def _problems(workspace, document) -> list[str]:
    data = document if isinstance(document, bytes) else encode(document)
    with pytest.raises(InvalidJourneyFile) as refused:
        import_journey(workspace, data)
    assert not Journey.objects.exists()
    return refused.value.errors


def _raw(document: dict) -> bytes:
    # ensure_ascii keeps lone surrogates as \ud800 escapes, as a hostile file would carry them.
    return json.dumps(document).encode()


def test_a_lone_surrogate_is_refused_with_its_path(workspace, document):
    document["journey"]["title"] = "Achat \ud800"

    problems = _problems(workspace, _raw(document))

    assert problems == ["journey.title: contains a character that is not valid text (\\ud800)"]


def test_a_nul_character_is_refused_with_its_path(workspace, document):
    document["stages"][0]["name"] = "Achat\x00"
    document["personas"][0]["goals"] = ["ok", "bad\x00"]

    problems = _problems(workspace, _raw(document))

    assert problems == [
        "stages[0].name: contains a NUL character",
        "personas[0].goals[1]: contains a NUL character",
    ]


def test_a_surrogate_in_a_field_name_prints_without_a_traceback(workspace, document, tmp_path):
    document["journey"]["ti\ud800tle\x00"] = "x"
    path = tmp_path / "bad.json"
    path.write_bytes(_raw(document))

    with pytest.raises(CommandError, match="not imported"):
        run_command("import_journey", str(path), "--workspace", "w")


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:30:00-01:00"])
def test_comment_dates_beyond_the_calendar_are_refused(workspace, document, moment):
    document["frictions"][0]["comments"][0]["created_at"] = moment

    problems = _problems(workspace, document)

    assert problems == [
        f'frictions[0].comments[0].created_at: "{moment}" is outside the years 1 to 9999 in UTC'
    ]


def test_the_editors_limits_apply(workspace, document):
    document["personas"][0]["goals"] = [f"goal {n}" for n in range(10_000)]
    document["personas"][0]["bio"] = "b" * 100_000

    problems = _problems(workspace, document)

    assert problems == [
        f"personas[0].bio: 100000 characters, more than the {limits.BIO_MAX_LENGTH} allowed",
        f"personas[0].goals: 10000 items, more than the {limits.LIST_MAX_ITEMS} allowed",
    ]


def test_a_list_item_longer_than_the_editor_allows_is_refused(workspace, document):
    document["personas"][0]["needs"] = ["n" * (limits.LIST_ITEM_MAX_LENGTH + 1)]

    problems = _problems(workspace, document)

    assert problems == [
        f"personas[0].needs[0]: {limits.LIST_ITEM_MAX_LENGTH + 1} characters, "
        f"more than the {limits.LIST_ITEM_MAX_LENGTH} allowed"
    ]


def test_more_stages_than_a_journey_holds_are_refused(workspace, document):
    document["stages"] = [
        {"key": f"s{n}", "name": f"Stage {n}", "description": ""}
        for n in range(limits.STAGES_PER_JOURNEY + 1)
    ]
    for touchpoint in document["touchpoints"]:
        touchpoint["stage"] = "s0"

    problems = _problems(workspace, document)

    assert problems == [
        f"stages: {limits.STAGES_PER_JOURNEY + 1} items, "
        f"more than the {limits.STAGES_PER_JOURNEY} allowed"
    ]


def test_a_full_cell_is_refused(workspace, document):
    first = document["touchpoints"][0]
    document["touchpoints"] = [{**first, "key": f"t{n}"} for n in range(limits.CARDS_PER_CELL + 1)]
    document["frictions"] = []

    problems = _problems(workspace, document)

    assert problems == [
        f"touchpoints[{limits.CARDS_PER_CELL}]: more than {limits.CARDS_PER_CELL} cards "
        "in one cell (persona, stage and channel)"
    ]


def test_the_report_stops_after_a_hundred_problems_and_counts_the_rest(workspace, document):
    document["stages"][0]["name"] = ""
    document["channels"] = [
        {"key": f"c{n}", "name": ""} for n in range(limits.CHANNELS_PER_JOURNEY)
    ]
    document["touchpoints"] = [{} for _ in range(200)]
    document["frictions"] = []

    problems = _problems(workspace, document)

    assert len(problems) == limits.IMPORT_MAX_PROBLEMS + 1
    assert problems[-1].startswith("… and ")
    assert problems[-1].endswith(" more problems.")


def test_a_hundred_thousand_empty_touchpoints_are_refused_fast_and_briefly(
    workspace, document, tmp_path
):
    document["touchpoints"] = [{} for _ in range(100_000)]
    path = tmp_path / "huge.json"
    path.write_bytes(encode(document))

    started = time.perf_counter()
    with pytest.raises(CommandError, match="not imported"):
        run_command("import_journey", str(path), "--workspace", "w")
    elapsed = time.perf_counter() - started

    assert elapsed < 10
    errors = _problems(workspace, path.read_bytes())
    assert sum(len(problem) for problem in errors) < 100_000


def test_the_import_page_refuses_a_hundred_thousand_empty_touchpoints_briefly(
    client, editor, workspace, document
):
    document["touchpoints"] = [{} for _ in range(100_000)]
    client.force_login(editor)
    upload = SimpleUploadedFile("huge.json", encode(document), "application/json")

    started = time.perf_counter()
    response = client.post(reverse("journeys:import", args=[workspace.slug]), {"file": upload})
    elapsed = time.perf_counter() - started

    assert response.status_code == 400
    assert elapsed < 10
    assert len(response.content) < 100_000
    assert "100000 items, more than the" in response.content.decode()

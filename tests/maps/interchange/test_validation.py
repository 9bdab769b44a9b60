import json

import pytest

from accounts.models import User
from journeys.models import Activity, Channel, Journey, JourneyPersona, Stage
from maps.interchange.importing import import_journey
from maps.interchange.reading import parse_journey_file
from maps.interchange.schema import InvalidJourneyFile
from personas.models import Persona
from tests.maps.helpers import encode
from touchpoints.models import Comment, FrictionNote, Touchpoint
from workspaces.models import Workspace

pytestmark = pytest.mark.django_db

MODELS = [
    Workspace,
    User,
    Journey,
    JourneyPersona,
    Persona,
    Stage,
    Channel,
    Touchpoint,
    FrictionNote,
    Comment,
    Activity,
]


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def _refused(workspace, data: bytes) -> list[str]:
    """The problems reported for a file, after checking that the refusal wrote nothing."""
    before = _counts()
    with pytest.raises(InvalidJourneyFile) as refusal:
        import_journey(workspace, data)
    assert _counts() == before
    return refusal.value.errors


def _set(path: list, value):
    def spoil(document: dict) -> None:
        *parents, last = path
        target = document
        for step in parents:
            target = target[step]
        target[last] = value

    return spoil


def _delete(path: list):
    def spoil(document: dict) -> None:
        *parents, last = path
        target = document
        for step in parents:
            target = target[step]
        del target[last]

    return spoil


INVALID_DOCUMENTS = {
    "format": (_set(["format"], "parcours.map"), 'format: expected "parcours.journey"'),
    "newer version": (
        _set(["version"], 2),
        "version: 2 is newer than 1, the newest this version of Parcours reads",
    ),
    "version zero": (_set(["version"], 0), "version: 0 is not a version"),
    "version as text": (_set(["version"], "1"), "version: expected an integer, got a string"),
    "version as decimal": (
        _set(["version"], 1.0),
        "version: expected an integer, got a number with decimals",
    ),
    "missing format": (_delete(["format"]), "format: missing field"),
    "missing title": (_delete(["journey", "title"]), "journey.title: missing field"),
    "missing exported_at": (_delete(["exported_at"]), "exported_at: missing field"),
    "missing age": (_delete(["personas", 0, "age"]), "personas[0].age: missing field"),
    "missing comments": (
        _delete(["frictions", 0, "comments"]),
        "frictions[0].comments: missing field",
    ),
    "unknown top-level field": (_set(["theme"], "dark"), "theme: unknown field"),
    "unknown persona field": (
        _set(["personas", 0, "mood"], "calm"),
        "personas[0].mood: unknown field",
    ),
    "unknown comment field": (
        _set(["frictions", 0, "comments", 0, "likes"], 3),
        "frictions[0].comments[0].likes: unknown field",
    ),
    "title not a string": (
        _set(["journey", "title"], 12),
        "journey.title: expected a string, got an integer",
    ),
    "description null": (
        _set(["stages", 0, "description"], None),
        "stages[0].description: expected a string, got null",
    ),
    "stages not a list": (_set(["stages"], {}), "stages: expected a list, got an object"),
    "journey not an object": (_set(["journey"], []), "journey: expected an object, got a list"),
    "goal not a string": (
        _set(["personas", 0, "goals", 1], 3),
        "personas[0].goals[1]: expected a string, got an integer",
    ),
    "emotion out of range": (
        _set(["touchpoints", 3, "emotion"], 7),
        "touchpoints[3].emotion: 7 is not between -2 and 2",
    ),
    "emotion true": (
        _set(["touchpoints", 0, "emotion"], True),
        "touchpoints[0].emotion: expected an integer, got true",
    ),
    "emotion decimal": (
        _set(["touchpoints", 0, "emotion"], 1.0),
        "touchpoints[0].emotion: expected an integer, got a number with decimals",
    ),
    "negative age": (
        _set(["personas", 1, "age"], -1),
        "personas[1].age: -1 is not between 0 and 150",
    ),
    "impossible age": (
        _set(["personas", 0, "age"], 200),
        "personas[0].age: 200 is not between 0 and 150",
    ),
    "age as text": (
        _set(["personas", 0, "age"], "34"),
        "personas[0].age: expected an integer or null, got a string",
    ),
    "duplicate stage key": (
        _set(["stages", 1, "key"], "awareness"),
        'stages[1].key: duplicate key "awareness"',
    ),
    "duplicate channel key": (
        _set(["channels", 2, "key"], "web"),
        'channels[2].key: duplicate key "web"',
    ),
    "duplicate persona key": (
        _set(["personas", 1, "key"], "julie"),
        'personas[1].key: duplicate key "julie"',
    ),
    "duplicate touchpoint key": (
        _set(["touchpoints", 4, "key"], "julie1"),
        'touchpoints[4].key: duplicate key "julie1"',
    ),
    "unknown persona": (
        _set(["touchpoints", 2, "persona"], "zoe"),
        'touchpoints[2].persona: unknown persona "zoe"',
    ),
    "unknown stage": (
        _set(["touchpoints", 2, "stage"], "retention"),
        'touchpoints[2].stage: unknown stage "retention"',
    ),
    "unknown channel": (
        _set(["touchpoints", 2, "channel"], "fax"),
        'touchpoints[2].channel: unknown channel "fax"',
    ),
    "unknown preferred channel": (
        _set(["personas", 0, "channels", 1], "fax"),
        'personas[0].channels[1]: unknown channel "fax"',
    ),
    "unknown touchpoint": (
        _set(["frictions", 0, "touchpoint"], "t99"),
        'frictions[0].touchpoint: unknown touchpoint "t99"',
    ),
    "unknown severity": (
        _set(["frictions", 0, "severity"], "urgent"),
        'frictions[0].severity: "urgent" is not one of low, medium, high, critical',
    ),
    "unknown status": (
        _set(["frictions", 2, "status"], "done"),
        'frictions[2].status: "done" is not one of open, in_progress, resolved',
    ),
    "created_at not a date": (
        _set(["frictions", 0, "comments", 0, "created_at"], "yesterday"),
        'frictions[0].comments[0].created_at: "yesterday" is not an ISO 8601 date and time',
    ),
    "created_at without timezone": (
        _set(["frictions", 0, "comments", 0, "created_at"], "2026-11-20T09:00:00"),
        'frictions[0].comments[0].created_at: "2026-11-20T09:00:00" needs a timezone',
    ),
    "exported_at not a date": (
        _set(["exported_at"], "21/11/2026"),
        'exported_at: "21/11/2026" is not an ISO 8601 date and time',
    ),
    "empty title": (_set(["journey", "title"], "  "), "journey.title: must not be empty"),
    "empty stage name": (_set(["stages", 0, "name"], ""), "stages[0].name: must not be empty"),
    "empty key": (_set(["channels", 0, "key"], ""), "channels[0].key: must not be empty"),
    "empty comment": (
        _set(["frictions", 0, "comments", 0, "body"], ""),
        "frictions[0].comments[0].body: must not be empty",
    ),
    "key with a space": (
        _set(["personas", 0, "key"], "julie r"),
        'personas[0].key: "julie r" contains a space or line break',
    ),
    "key too long": (
        _set(["touchpoints", 0, "key"], "k" * 61),
        "touchpoints[0].key: 61 characters, more than the 60 allowed",
    ),
    "title too long": (
        _set(["journey", "title"], "T" * 201),
        "journey.title: 201 characters, more than the 200 allowed",
    ),
    "persona name too long": (
        _set(["personas", 0, "name"], "N" * 121),
        "personas[0].name: 121 characters, more than the 120 allowed",
    ),
    "role too long": (
        _set(["personas", 0, "role"], "R" * 161),
        "personas[0].role: 161 characters, more than the 160 allowed",
    ),
    "quote too long": (
        _set(["personas", 0, "quote"], "Q" * 501),
        "personas[0].quote: 501 characters, more than the 500 allowed",
    ),
    "owner too long": (
        _set(["touchpoints", 0, "owner"], "O" * 121),
        "touchpoints[0].owner: 121 characters, more than the 120 allowed",
    ),
    "author too long": (
        _set(["frictions", 0, "comments", 0, "author"], "A" * 151),
        "frictions[0].comments[0].author: 151 characters, more than the 150 allowed",
    ),
    "language name": (
        _set(["language"], "French"),
        'language: "French" is not a language code such as "fr", "en" or "fr-CA"',
    ),
    "language not a string": (
        _set(["language"], 33),
        "language: expected a string, got an integer",
    ),
}


@pytest.mark.parametrize(
    ("spoil", "problem"), INVALID_DOCUMENTS.values(), ids=INVALID_DOCUMENTS.keys()
)
def test_invalid_file_is_refused_with_its_path_and_writes_nothing(
    workspace, document, spoil, problem
):
    spoil(document)

    errors = _refused(workspace, encode(document))

    # Renaming a key can also orphan links to the old one; the problem itself comes first.
    assert errors[0].startswith(problem), errors


INVALID_BYTES = {
    "not JSON": (b'{"format": "parcours.journey",\n  "version": }', "line 2, column"),
    "not UTF-8": ('{"format": "café"}'.encode("latin-1"), "not UTF-8"),
    "empty": (b"", "not valid JSON"),
    "a list": (b"[]", "must hold one JSON object, not a list"),
    "NaN": (b'{"format": "parcours.journey", "version": NaN}', "version: expected an integer"),
    "huge number": (
        b'{"format": "parcours.journey", "version": ' + b"9" * 5000 + b"}",
        "numbers too long",
    ),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "nesting too deep"),
}


@pytest.mark.parametrize(("data", "problem"), INVALID_BYTES.values(), ids=INVALID_BYTES.keys())
def test_unreadable_file_is_refused_with_a_reason_and_writes_nothing(workspace, data, problem):
    errors = _refused(workspace, data)

    assert len(errors) == 1, errors
    assert problem in errors[0]


def test_duplicate_member_is_reported_at_its_path(workspace, document):
    text = encode(document).decode()
    text = text.replace('"name": "Karim Benali",', '"name": "Karim Benali", "name": "Karim B",')

    errors = _refused(workspace, text.encode())

    assert errors == ["personas[1].name: duplicate field"]


def test_every_problem_is_reported_at_once(workspace, document):
    document["personas"][0]["mood"] = "calm"
    document["touchpoints"][3]["emotion"] = 7
    document["frictions"][0]["touchpoint"] = "t99"

    errors = _refused(workspace, encode(document))

    assert errors == [
        "personas[0].mood: unknown field",
        "touchpoints[3].emotion: 7 is not between -2 and 2",
        'frictions[0].touchpoint: unknown touchpoint "t99"',
    ]


def test_file_of_another_format_reports_only_that(workspace, document):
    document["format"] = "parcours.persona"
    document["version"] = 3
    del document["journey"]

    errors = _refused(workspace, encode(document))

    assert errors == [
        'format: expected "parcours.journey"',
        "version: 3 is newer than 1, the newest this version of Parcours reads",
    ]


def test_file_of_five_megabytes_is_refused(workspace):
    errors = _refused(workspace, b" " * (5 * 1024 * 1024 + 1))

    assert errors == ["The file is larger than 5.0\xa0MB, the most a journey file may hold."]


def test_file_at_the_size_limit_is_read(workspace, document, settings):
    data = encode(document)
    settings.JOURNEY_FILE_MAX_BYTES = len(data)

    assert parse_journey_file(data)["journey"]["title"] == "Équiper un projet de bricolage"


def test_file_starting_with_a_byte_order_mark_is_read(document):
    data = "\ufeff".encode() + encode(document)

    assert parse_journey_file(data)["language"] == "fr"


def test_empty_lists_make_a_valid_empty_map(workspace, document):
    for name in ("stages", "channels", "personas", "touchpoints", "frictions"):
        document[name] = []

    journey = import_journey(workspace, encode(document))

    assert not journey.stages.exists()
    assert not journey.touchpoints.exists()


def test_null_age_and_regional_language_are_accepted(document):
    document["personas"][0]["age"] = None
    document["language"] = "fr-CA"

    parsed = parse_journey_file(encode(document))

    assert parsed["personas"][0]["age"] is None
    assert parsed["language"] == "fr-CA"


def test_refused_file_lists_its_problems_as_the_exception_message(document):
    document["version"] = "one"

    with pytest.raises(InvalidJourneyFile, match=r"version: expected an integer, got a string"):
        parse_journey_file(json.dumps(document).encode())

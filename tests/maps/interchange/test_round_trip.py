import json
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.keys import unique_key
from journeys.channel_icons import LANE_COLOURS, icon_for
from journeys.models import Activity, Journey
from maps.interchange.exporting import dump_journey, export_journey
from maps.interchange.importing import import_journey
from personas.models import Persona
from tests.factories import CommentFactory, UserFactory
from tests.maps.helpers import DEMO_DIR, DEMO_FILES, encode
from touchpoints.models import Comment

pytestmark = pytest.mark.django_db


def _without_exported_at(document: dict) -> dict:
    return {name: value for name, value in document.items() if name != "exported_at"}


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda path: path.stem)
def test_export_import_export_is_identical_apart_from_exported_at(workspace, path):
    first = export_journey(import_journey(workspace, path.read_bytes()))
    second = export_journey(import_journey(workspace, encode(first)))

    assert _without_exported_at(second) == _without_exported_at(first)


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda path: path.stem)
def test_dump_reproduces_the_file_text_apart_from_exported_at(workspace, path):
    original = path.read_text(encoding="utf-8")
    journey = import_journey(workspace, original.encode())

    dumped = dump_journey(journey)

    original_exported_at = json.loads(original)["exported_at"]
    exported_at = json.loads(dumped)["exported_at"]
    assert dumped == original.replace(json.dumps(original_exported_at), json.dumps(exported_at), 1)


def test_export_keeps_the_offset_a_comment_time_was_written_with(workspace, document):
    document["frictions"][0]["comments"][0]["created_at"] = "2026-11-18T10:12:00+05:30"
    journey = import_journey(workspace, encode(document))

    exported = export_journey(journey)

    assert exported["frictions"][0]["comments"][0]["created_at"] == "2026-11-18T10:12:00+05:30"
    comment = Comment.objects.get(friction__touchpoint__journey=journey, created_at_offset=330)
    assert comment.created_at.isoformat() == "2026-11-18T04:42:00+00:00"
    assert exported["exported_at"].endswith("Z")


def test_card_moved_within_its_cell_is_exported_in_its_new_place(workspace):
    journey = import_journey(workspace, (DEMO_DIR / "fr-mode-en-ligne.json").read_bytes())
    before = [t["key"] for t in export_journey(journey)["touchpoints"]]
    first, second = journey.touchpoints.filter(key__in=["t1", "t2"]).order_by("position")
    assert (first.persona, first.stage, first.channel) == (
        second.persona,
        second.stage,
        second.channel,
    )
    first.position, second.position = second.position, first.position
    first.save()
    second.save()

    after = [t["key"] for t in export_journey(journey)["touchpoints"]]

    assert after[:2] == [second.key, first.key]
    assert after[2:] == before[2:]


def test_card_moved_within_a_cell_stays_there_after_reimport(workspace):
    journey = import_journey(workspace, (DEMO_DIR / "fr-mode-en-ligne.json").read_bytes())
    journey.touchpoints.filter(key="t2").update(position=0)
    journey.touchpoints.filter(key="t1").update(position=1)

    reimported = import_journey(workspace, dump_journey(journey).encode())

    cell = reimported.touchpoints.filter(key__in=["t1", "t2"]).order_by("position")
    assert [touchpoint.key for touchpoint in cell] == ["t2", "t1"]


def test_persona_channels_are_exported_as_keys_of_this_journeys_lanes(workspace, document):
    journey = import_journey(workspace, encode(document))
    persona = journey.personas.get(name="Julie Roussel")
    assert persona.preferred_channels == ["Site web", "Conseiller en rayon", "Ateliers"]
    persona.preferred_channels = ["Ateliers", "Fax", "Site web"]
    persona.save()

    exported = export_journey(journey)

    assert exported["personas"][0]["channels"] == ["workshop", "web"]


def test_comment_posted_in_the_app_is_exported_with_its_authors_name(workspace, document):
    journey = import_journey(workspace, encode(document))
    friction = journey.touchpoints.get(key="julie5").frictions.get()
    author = UserFactory(name="Inès Moreau")
    CommentFactory(friction=friction, author=author, author_name="", body="Vu samedi.")

    comments = export_journey(journey)["frictions"][1]["comments"]

    assert [(comment["author"], comment["body"]) for comment in comments] == [
        ("Inès Moreau", "Vu samedi.")
    ]


def test_import_links_everything_to_a_new_journey_of_the_workspace(workspace, document):
    user = UserFactory()

    journey = import_journey(workspace, encode(document), user=user)

    assert journey.workspace == workspace
    assert journey.created_by == user
    assert journey.language == "fr"
    assert list(journey.stages.values_list("key", "position")) == [
        ("awareness", 0),
        ("consideration", 1),
        ("purchase", 2),
        ("after_sales", 3),
        ("loyalty", 4),
    ]
    assert [(channel.key, channel.icon, channel.colour) for channel in journey.channels.all()] == [
        (entry["key"], icon_for(entry["key"], entry["name"]), LANE_COLOURS[i % len(LANE_COLOURS)])
        for i, entry in enumerate(document["channels"])
    ]
    assert list(journey.journey_personas.values_list("key", "persona__name", "position")) == [
        ("julie", "Julie Roussel", 0),
        ("karim", "Karim Benali", 1),
    ]
    assert all(persona.colour for persona in journey.personas.all())
    comment = Comment.objects.get(body__startswith="La synchronisation")
    assert comment.author is None
    assert comment.author_name == "Marc Petit"
    assert comment.created_at == datetime.fromisoformat("2026-11-19T17:30:00+01:00")
    activity = Activity.objects.get(journey=journey)
    assert (activity.verb, activity.actor) == (Activity.Verb.IMPORTED, user)


def test_each_import_makes_its_own_personas(workspace, document):
    import_journey(workspace, encode(document))
    import_journey(workspace, encode(document))

    assert Persona.objects.filter(workspace=workspace, name="Julie Roussel").count() == 2
    assert Journey.objects.filter(workspace=workspace).count() == 2


def _larger(document: dict, copies: int) -> dict:
    """The document with each touchpoint and friction repeated `copies` times."""
    touchpoints, frictions = [], []
    for copy in range(copies):
        for touchpoint in document["touchpoints"]:
            touchpoints.append({**touchpoint, "key": f"{touchpoint['key']}-{copy}"})
        for friction in document["frictions"]:
            frictions.append({**friction, "touchpoint": f"{friction['touchpoint']}-{copy}"})
    return {**document, "touchpoints": touchpoints, "frictions": frictions}


def test_import_takes_as_many_queries_for_a_large_file_as_for_a_small_one(workspace, document):
    with CaptureQueriesContext(connection) as small:
        import_journey(workspace, encode(document))
    with CaptureQueriesContext(connection) as large:
        import_journey(workspace, encode(_larger(document, 4)))

    assert len(large) == len(small)


@pytest.mark.parametrize("copies", [1, 4])
def test_export_takes_eight_queries_whatever_the_journey_size(
    workspace, document, copies, django_assert_num_queries
):
    journey = import_journey(workspace, encode(_larger(document, copies)))

    # stages, channels, personas with their journey links, touchpoints, frictions, comments,
    # metrics, verbatims
    with django_assert_num_queries(8):
        export_journey(journey)


def test_unique_key_slugifies_and_numbers_taken_keys():
    assert unique_key("Service après-vente", set()) == "service-apres-vente"
    assert unique_key("Email", {"email"}) == "email-2"
    assert unique_key("Email", {"email", "email-2"}) == "email-3"
    assert unique_key("🙂", set()) == "item"


def test_unique_key_stays_within_sixty_characters():
    long_name = "a" * 80

    first = unique_key(long_name, set())
    second = unique_key(long_name, {first})

    assert len(first) == 60
    assert len(second) == 60
    assert second.endswith("-2")

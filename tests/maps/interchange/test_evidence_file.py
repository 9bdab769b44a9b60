"""Evidence in the journey file: optional lists, a round trip that is exact, and the same
strictness as the rest of the file."""

import json

import pytest

from evidence.columns import guess_mapping
from evidence.importing import plan_import
from evidence.models import Metric, Verbatim
from evidence.reading import read_table
from maps.interchange.exporting import dump_journey, export_journey
from maps.interchange.importing import import_journey
from maps.interchange.schema import InvalidJourneyFile
from tests.evidence.helpers import ENGLISH_QUOTES, FRENCH_METRICS, csv_bytes, fashion_journey
from tests.maps.helpers import DEMO_FILE, encode


def with_evidence(workspace):
    journey = fashion_journey(workspace)
    for rows, separator in ((FRENCH_METRICS, ";"), (ENGLISH_QUOTES, ",")):
        table = read_table(csv_bytes(rows, separator=separator), "x.csv")
        plan_import(journey, table, guess_mapping(table.headers)).apply()
    return journey


def test_a_journey_without_evidence_exports_as_before(workspace):
    document = export_journey(fashion_journey(workspace))
    assert "metrics" not in document
    assert "verbatims" not in document
    original = json.loads(DEMO_FILE.read_text())
    assert set(document) == set(original)


def test_evidence_round_trip_is_exact(workspace):
    journey = with_evidence(workspace)
    first = export_journey(journey)
    assert len(first["metrics"]) == 3
    assert len(first["verbatims"]) == 3
    assert first["metrics"][2] == {
        "stage": "purchase",
        "touchpoint": None,
        "persona": None,
        "kind": "csat",
        "name": "CSAT",
        "value": 3.4,
        "unit": "/5",
        "period": "2026-Q3",
        "target": 4,
        "source": "Enquête",
    }
    assert first["verbatims"][0]["touchpoint"] == "t7"
    assert first["verbatims"][0]["date"] == "2026-09-14"
    again = import_journey(workspace, dump_journey(journey).encode())
    assert Metric.objects.filter(journey=again).count() == 3
    assert Verbatim.objects.filter(journey=again).count() == 3
    second = export_journey(again)
    first.pop("exported_at")
    second.pop("exported_at")
    assert first == second


def refusals(workspace, document) -> list[str]:
    with pytest.raises(InvalidJourneyFile) as refused:
        import_journey(workspace, encode(document))
    return refused.value.errors


def test_evidence_in_a_file_is_checked_like_the_rest(workspace):
    document = export_journey(with_evidence(workspace))
    document["metrics"][0]["colour"] = "red"
    document["metrics"][1]["period"] = "Q3"
    document["metrics"][2]["touchpoint"] = "t1"
    document["verbatims"][0]["sentiment"] = 5
    document["verbatims"][1]["stage"] = "nowhere"
    document["verbatims"][1]["touchpoint"] = None
    document["verbatims"][2]["date"] = "30/09/2026"
    assert refusals(workspace, document) == [
        "metrics[0].colour: unknown field",
        'metrics[1].period: "Q3" is not a period such as 2026-07, 2026-Q3 or 2026-07-01/2026-09-30',
        "metrics[2]: needs either a stage or a touchpoint, not both",
        "verbatims[0].sentiment: 5 is not between -2 and 2",
        'verbatims[1].stage: unknown stage "nowhere"',
        'verbatims[2].date: "30/09/2026" is not a date such as 2026-09-14',
    ]
    assert Metric.objects.count() == 3  # the first journey's, nothing more

"""A large import refreshes PostgreSQL's statistics of the evidence tables at once, so the map's
evidence queries are planned for the journey's thousands of rows, not for an empty table."""

from django.db import connection

from evidence.importing import ANALYZE_AFTER
from tests.evidence.helpers import csv_bytes, fashion_journey
from tests.evidence.test_import import plan_of


def planned_rows(table: str) -> float:
    """The rows the planner believes `table` holds (-1 before any ANALYZE)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]


def quotes(count: int) -> bytes:
    rows = [["stage", "quote", "sentiment"]]
    rows += [["Achat", f"Quote number {n}.", "-1"] for n in range(count)]
    return csv_bytes(rows)


def test_a_large_import_refreshes_the_planner_statistics(
    workspace, django_capture_on_commit_callbacks
):
    journey = fashion_journey(workspace)
    plan = plan_of(journey, quotes(ANALYZE_AFTER))
    assert not plan.problems

    with django_capture_on_commit_callbacks(execute=True):
        plan.apply()

    assert planned_rows("evidence_verbatim") >= ANALYZE_AFTER


def test_a_small_import_leaves_them_to_autovacuum(workspace, django_capture_on_commit_callbacks):
    journey = fashion_journey(workspace)
    before = planned_rows("evidence_verbatim")

    with django_capture_on_commit_callbacks(execute=True):
        plan_of(journey, quotes(10)).apply()

    assert planned_rows("evidence_verbatim") == before

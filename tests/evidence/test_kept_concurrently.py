"""Two transactions writing one series of a journey at once leave its kept row (migration 0003)
as counting every metric would: the second one's recount waits for the first one's commit."""

import threading
import time
from datetime import date

import pytest
from django.db import connection, connections, transaction

from evidence.models import Metric, MetricSeries
from tests.factories import build_map

pytestmark = pytest.mark.django_db(transaction=True)


def _save_metric(journey, stage, month: int) -> None:
    metric = Metric(
        journey=journey,
        stage=stage,
        kind="csat",
        name="CSAT",
        value=month,
        unit="/5",
        period=f"2026-{month:02d}",
        period_start=date(2026, month, 1),
        period_end=date(2026, month, 28),
        source="Survey",
    )
    metric.identity = metric.compute_identity()
    metric.save()


def test_two_writers_of_one_series_count_it_once(workspace):
    if connection.vendor != "postgresql":
        pytest.skip("other databases keep no series")
    journey = build_map(workspace, cards=2)
    stage = journey.stages.first()
    errors = []

    def teammate():
        try:
            with transaction.atomic():
                _save_metric(journey, stage, 4)
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(error)
        finally:
            connections.close_all()

    with transaction.atomic():
        _save_metric(journey, stage, 3)
        other = threading.Thread(target=teammate)
        other.start()
        # The teammate's statement runs (and, without the journey's lock, counts the series
        # without this uncommitted metric) while this transaction is still open.
        time.sleep(0.5)
    other.join(timeout=10)

    assert not errors
    series = MetricSeries.objects.filter(journey_id=journey.pk)
    assert list(series.values_list("size", flat=True)) == [2]

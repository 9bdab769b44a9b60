"""Edits of a card's fields do not queue on the journey's row lock, which moves and structure
changes hold (journeys/parts.py): under 50 editors every edit waited for every other one."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from journeys.models import Journey
from tests.factories import build_map
from touchpoints.models import Touchpoint

pytestmark = pytest.mark.django_db(transaction=True)


def _title_committed(card_id: int, title: str, seconds: float) -> bool:
    """Whether another connection sees the card's title within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if Touchpoint.objects.filter(pk=card_id, title=title).exists():
            return True
        time.sleep(0.05)
    return False


def test_an_edit_is_saved_while_a_teammate_holds_the_journey(workspace):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite writes one transaction at a time")
    journey = build_map(workspace, cards=2)
    card = Touchpoint.objects.filter(journey=journey).first()
    before = Journey.objects.get(pk=journey.pk).updated_at
    errors = []

    def teammate_edits():
        try:
            card.save_changes(card.version, title="Edited meanwhile")
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(error)
        finally:
            connections.close_all()

    edit = threading.Thread(target=teammate_edits)
    with transaction.atomic():
        # A move or a new stage in progress: the journey's row is locked until it commits.
        list(Journey.objects.select_for_update().filter(pk=journey.pk))
        edit.start()
        committed = _title_committed_elsewhere(card.pk, "Edited meanwhile")
    edit.join(timeout=10)

    assert committed, "the edit waited for the journey's lock"
    assert not errors
    # Marked as changed once the lock was free.
    assert Journey.objects.get(pk=journey.pk).updated_at > before


def _title_committed_elsewhere(card_id: int, title: str) -> bool:
    """Asked on a connection of its own, outside the transaction holding the lock."""
    seen = []

    def look():
        try:
            seen.append(_title_committed(card_id, title, seconds=3))
        finally:
            connections.close_all()

    looker = threading.Thread(target=look)
    looker.start()
    looker.join(timeout=10)
    return bool(seen and seen[0])

"""Teammates' writes queue on the journey's row lock only when they must (journeys/parts.py,
touchpoints/models.py): edits of a card's fields never, moves of cards only for moves in the
same cells and for changes of the journey's structure, which wait for them in turn. Under 50
editors every edit and move waited for every other one."""

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

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
    before = timezone.now() - timedelta(minutes=1)
    Journey.objects.filter(pk=journey.pk).update(updated_at=before)
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


def _in_thread(function, seconds: float) -> bool:
    """Whether `function` (on a connection of its own) ends within `seconds`; a function still
    waiting then is left to end when the lock it waits for is released."""
    done = threading.Event()

    def run():
        try:
            with transaction.atomic():
                function()
            done.set()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    finished = done.wait(seconds)
    _in_thread.started.append(thread)
    return finished


_in_thread.started = []


@pytest.fixture
def cards(workspace):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite writes one transaction at a time")
    journey = build_map(workspace, cards=6)
    yield journey, list(Touchpoint.objects.filter(journey=journey).order_by("pk"))
    for thread in _in_thread.started:
        thread.join(timeout=10)
    _in_thread.started.clear()


def _move(card, stage_id):
    return lambda: card.move_to(0, card.version, stage_id=stage_id, channel_id=card.channel_id)


def test_moves_in_other_cells_do_not_wait_for_each_other(cards):
    journey, (first, second, third, *_) = cards
    assert len({(c.stage_id, c.channel_id) for c in (first, second, third)}) == 3
    with transaction.atomic():
        _move(first, first.stage_id)()  # still in progress
        assert _in_thread(_move(second, second.stage_id), seconds=3)
        # The same cell waits.
        assert not _in_thread(_move(third, first.stage_id), seconds=0.5)


def test_a_change_of_structure_waits_for_a_move_in_progress(cards):
    journey, (first, *_) = cards
    with transaction.atomic():
        _move(first, first.stage_id)()
        assert not _in_thread(lambda: Touchpoint.lock_journey(journey.pk), seconds=0.5)

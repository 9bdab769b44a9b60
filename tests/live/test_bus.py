"""The live bus on the real PostgreSQL: a committed change reaches every open stream of its
workspace through the process's one LISTEN connection; a rolled-back one reaches nobody. And
the in-process bus of `make run` does the same."""

import pytest
from django.db import transaction

from journeys.models import Activity
from live.bus import MemoryBus, PostgresBus
from live.hub import Hub
from live.models import Event
from tests.factories import WorkspaceFactory
from tests.live.helpers import in_thread, next_change, nothing_within, run_async

pytestmark = pytest.mark.django_db(transaction=True)


def move_card(card, actor, fail: bool = False):
    """A card moved to the next stage and recorded, as the move view does."""
    with transaction.atomic():
        stage = card.journey.stages.exclude(pk=card.stage_id).first()
        card.move_to(0, card.version, stage=stage, channel=card.channel)
        Activity.record(actor, Activity.Verb.MOVED, card, journey=card.journey)
        if fail:
            raise RuntimeError("the request failed after the write")
    return card


def test_a_committed_change_reaches_every_stream_of_its_workspace(journey, card, editor):
    elsewhere = WorkspaceFactory()

    async def scenario():
        hub, bus = Hub(), PostgresBus()
        on_map = await hub.subscribe(bus, journey.workspace_id, editor.pk, journey.pk)
        on_board = await hub.subscribe(bus, journey.workspace_id, editor.pk, None)
        other = await hub.subscribe(bus, elsewhere.pk, editor.pk, None)
        moved = await in_thread(move_card, card, editor)
        changes = [await next_change(on_map), await next_change(on_board)]
        quiet = await nothing_within(other, 0.5)
        await hub.stop()
        return moved, changes, quiet

    moved, changes, quiet = run_async(scenario())
    for change in changes:
        assert change.kind == "touchpoint"
        assert change.journey == journey.pk
        assert change.data == {
            "verb": "moved",
            "id": card.pk,
            "actor": editor.pk,
            "version": moved.version,
            "stage": moved.stage_id,
            "channel": moved.channel_id,
            "persona": card.persona_id,
        }
    # The SSE id a browser resumes from is the stored event's.
    assert changes[0].id == Event.objects.get().pk
    assert quiet, "another workspace's stream heard the change"


def test_a_rolled_back_change_is_never_announced(journey, card, editor):
    async def scenario():
        hub = Hub()
        stream = await hub.subscribe(PostgresBus(), journey.workspace_id, editor.pk, journey.pk)
        with pytest.raises(RuntimeError):
            await in_thread(move_card, card, editor, True)
        quiet = await nothing_within(stream, 1)
        await hub.stop()
        return quiet

    assert run_async(scenario())
    assert not Event.objects.exists()


def test_one_listening_connection_per_process_whatever_the_streams(journey, editor):
    """Fifty streams, one LISTEN: the database sees one more connection, not fifty."""
    from django.db import connection

    def listeners() -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN parcours_live%%'"
            )
            return cursor.fetchone()[0]

    async def scenario():
        hub, bus = Hub(), PostgresBus()
        for _ in range(50):
            await hub.subscribe(bus, journey.workspace_id, editor.pk, journey.pk)
        count = await in_thread(listeners)
        await hub.stop()
        return count

    assert run_async(scenario()) == 1


def test_the_in_process_bus_stores_and_fans_out_without_postgresql(journey, card, editor):
    """Under `make run` (SQLite, one process) the change is stored for catch-up and handed to
    the hub by the thread that committed it."""

    async def scenario():
        hub = Hub()
        bus = MemoryBus(hub)
        first = await hub.subscribe(bus, journey.workspace_id, editor.pk, journey.pk)
        second = await hub.subscribe(bus, journey.workspace_id, editor.pk, journey.pk)
        await in_thread(bus.send, _change(journey, card))
        return [await next_change(first), await next_change(second)]

    changes = run_async(scenario())
    event = Event.objects.get()
    assert [change.id for change in changes] == [event.pk, event.pk]
    assert changes[0].data == {"id": card.pk}


def _change(journey, card):
    from live.changes import Change

    return Change(journey.workspace_id, journey.pk, "touchpoint", {"id": card.pk})

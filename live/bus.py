"""The live bus: a committed change reaches every open stream of its workspace, on every server.

`announce` waits for the transaction to commit (nothing is said of a rolled-back change), then
the change is stored, for browsers that reconnect (`catch_up`), and sent:

- PostgreSQL: one statement stores it and calls `pg_notify`; each app server process holds one
  `LISTEN` connection (`PostgresBus.listen`) and hands every notification to its hub, which fans
  it out to that process's streams. Never one database connection per browser.
- SQLite (`make run`, one process): `MemoryBus` stores it and hands it to the hub directly.
"""

import asyncio
import logging
from datetime import timedelta
from functools import partial

from django.db import connection, transaction
from django.utils import timezone

from live.changes import Change
from live.hub import hub
from live.models import Event

log = logging.getLogger(__name__)

CHANNEL = "parcours_live"
# A browser further behind than this is told to draw its fragments again rather than replay.
CATCH_UP_LIMIT = 200
# Events older than this are pruned (every PRUNE_EVERY events): a reconnect comes within seconds.
KEEP = timedelta(hours=1)
PRUNE_EVERY = 500


def announce(workspace: int, journey: int | None, kind: str, *, keep: bool = True, **data):
    """Send the change once the current transaction commits (at once outside a transaction)."""
    change = Change(workspace=workspace, journey=journey, kind=kind, data=data)
    transaction.on_commit(partial(get_bus().send, change, keep=keep), robust=True)


class MemoryBus:
    """One process: the change is stored, then handed to this process's hub."""

    def __init__(self, to=hub):
        self.hub = to

    def send(self, change: Change, *, keep: bool = True) -> Change:
        if keep:
            event = Event.objects.create(
                workspace_id=change.workspace, journey_id=change.journey, payload=change.payload()
            )
            change = Change(**{**change.__dict__, "id": event.pk})
            _prune(event.pk)
        self.hub.deliver_threadsafe(change)
        return change

    async def listen(self, hub, ready: asyncio.Event) -> None:
        ready.set()


class PostgresBus:
    """Every process LISTENs on one connection; a change is stored and NOTIFYed in one query."""

    def send(self, change: Change, *, keep: bool = True) -> Change:
        with connection.cursor() as cursor:
            if keep:
                cursor.execute(
                    "WITH e AS (INSERT INTO live_event (workspace_id, journey_id, payload,"
                    " created_at) VALUES (%s, %s, %s, now()) RETURNING id)"
                    " SELECT e.id, pg_notify(%s, e.id::text || ' ' || %s::text || ' ' || %s::text)"
                    " FROM e",
                    [change.workspace, change.journey, change.payload()]
                    + [CHANNEL, change.workspace, change.payload()],
                )
                change = Change(**{**change.__dict__, "id": cursor.fetchone()[0]})
                _prune(change.id)
            else:
                cursor.execute("SELECT pg_notify(%s, %s)", [CHANNEL, change.to_notify()])
        return change

    async def listen(self, hub, ready: asyncio.Event) -> None:
        """Forever: LISTEN, hand each notification to the hub; after a lost connection,
        reconnect and replay what was stored meanwhile, so no stream misses a change."""
        import psycopg

        delay = 0.5
        last_id = None
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    **_listen_params(), autocommit=True
                ) as listener:
                    await listener.execute(f"LISTEN {CHANNEL}")
                    if last_id is not None:
                        cursor = await listener.execute(
                            "SELECT id, workspace_id, payload FROM live_event WHERE id > %s"
                            " ORDER BY id",
                            [last_id],
                        )
                        for row in await cursor.fetchall():
                            hub.deliver(Change.from_payload(row[1], row[2], row[0]))
                            last_id = row[0]
                    ready.set()
                    delay = 0.5
                    async for notify in listener.notifies():
                        change = Change.from_notify(notify.payload)
                        last_id = change.id if change.id is not None else last_id
                        hub.deliver(change)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("live: the LISTEN connection failed; reconnecting in %ss", delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10)


def _listen_params() -> dict:
    """Django's own connection settings, without what only Django's cursors understand."""
    params = connection.get_connection_params()
    for name in ("cursor_factory", "context", "prepare_threshold"):
        params.pop(name, None)
    return params


def _prune(event_id: int) -> None:
    if event_id % PRUNE_EVERY == 0:
        Event.objects.filter(created_at__lt=timezone.now() - KEEP).delete()


def get_bus() -> MemoryBus | PostgresBus:
    return PostgresBus() if connection.vendor == "postgresql" else MemoryBus()


def catch_up(workspace: int, since_id: int | None, since_time, wanted) -> list[Change] | None:
    """The kept changes after `since_id` (or since `since_time` for a first connection) that a
    stream wants, oldest first; None when there are too many to replay: draw again instead."""
    events = Event.objects.filter(workspace_id=workspace).order_by("id")
    if since_id is not None:
        events = events.filter(id__gt=since_id)
    elif since_time is not None:
        events = events.filter(created_at__gt=since_time)
    else:
        return []
    rows = list(events.values_list("id", "payload")[: CATCH_UP_LIMIT + 1])
    if len(rows) > CATCH_UP_LIMIT:
        return None
    changes = [Change.from_payload(workspace, payload, pk) for pk, payload in rows]
    return [change for change in changes if wanted(change)]

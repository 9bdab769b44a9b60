"""One hub per app server process: it fans the bus's changes out to the process's open streams.

Each stream has an asyncio queue. The first stream to open starts the bus's listener (for
PostgreSQL, the process's one LISTEN connection) on the server's event loop; changes from
another thread (a view committing under `make run`) arrive through `deliver_threadsafe`.
"""

import asyncio
import contextvars
from collections import defaultdict
from dataclasses import dataclass, field

from live.changes import Change
from live.pushing import Pusher

# A stream this far behind (a stalled browser) is told to draw again rather than queue more.
QUEUE_SIZE = 500
LISTEN_TIMEOUT = 10


@dataclass(eq=False)
class Subscription:
    """One open stream: a member of a workspace, on one journey's pages or on the others."""

    workspace: int
    user: int
    journey: int | None
    queue: asyncio.Queue = field(default_factory=lambda: asyncio.Queue(QUEUE_SIZE))
    overflowed: bool = False
    # For a map page: who its pushed parts are drawn for (live.pushing.Audience).
    audience: object = None

    def wants(self, change: Change) -> bool:
        """A journey's page wants its journey's changes; every page wants the workspace's own
        (personas, members) and comments (the mention badge); the other pages (the board)
        want all of the workspace's."""
        return (
            self.journey is None
            or change.journey in (None, self.journey)
            or change.kind in ("comment", "frictionnote")
        )

    def put(self, change: Change) -> None:
        try:
            self.queue.put_nowait(change)
        except asyncio.QueueFull:
            self.overflowed = True


class Hub:
    def __init__(self):
        self.pusher = Pusher(self)
        self._streams: dict[int, set[Subscription]] = defaultdict(set)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._listener: asyncio.Task | None = None
        self._ready: asyncio.Event | None = None

    async def subscribe(self, bus, workspace: int, user: int, journey: int | None) -> Subscription:
        """A new stream's queue, once this process is listening to the `bus`."""
        await self.start(bus)
        subscription = Subscription(workspace=workspace, user=user, journey=journey)
        self._streams[workspace].add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        streams = self._streams.get(subscription.workspace)
        if streams is not None:
            streams.discard(subscription)
            if not streams:
                del self._streams[subscription.workspace]

    async def start(self, bus) -> None:
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._listener is None or self._listener.done():
            self._loop = loop
            self._ready = asyncio.Event()
            # In a context of its own: it outlives the request whose stream started it.
            listening = bus.listen(self, self._ready)
            self._listener = loop.create_task(listening, context=contextvars.Context())
        await asyncio.wait_for(self._ready.wait(), LISTEN_TIMEOUT)

    async def stop(self) -> None:
        self.pusher.clear()
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
        self._listener = None
        self._loop = None

    def deliver(self, change: Change) -> None:
        for subscription in list(self._streams.get(change.workspace, ())):
            if subscription.wants(change):
                subscription.put(change)
        self.pusher.note(change)

    def pushed_to(self, workspace: int, journey: int) -> list[Subscription]:
        """The open map pages of `journey` that get its parts drawn for them."""
        return [
            subscription
            for subscription in self._streams.get(workspace, ())
            if subscription.audience is not None and subscription.journey == journey
        ]

    def deliver_threadsafe(self, change: Change) -> None:
        """From any thread: onto the loop the streams live on (nothing to do without one)."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self.deliver(change)
        else:
            loop.call_soon_threadsafe(self.deliver, change)

    def open_streams(self) -> int:
        return sum(len(streams) for streams in self._streams.values())


hub = Hub()

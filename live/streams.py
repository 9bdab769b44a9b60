"""One open stream: what a browser receives between opening its stream and closing its tab.

The ORM is reached through `db()`: in the server's shared thread pool, on a connection closed
right after, so a stream holds no database connection while it waits (the process's one
LISTEN connection feeds it). A stream's few queries (opening, a presence beat every 10 s) pay
for their connection; fifty streams hold none.
"""

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from datetime import datetime

from live import presence
from live.bus import catch_up, get_bus
from live.changes import Change, sse_event
from live.hub import Subscription, hub
from live.pushing import Audience
from live.threads import db
from workspaces.models import Membership

# A comment line every BEAT_SECONDS keeps proxies from closing an idle stream; the same timer
# beats the tab's presence. A browser reconnects RETRY_MS after a lost connection.
RETRY_MS = 2000
# What the stream's timer queues (not a change: it is never sent as one).
BEAT = Change(workspace=0, journey=None, kind="beat")


@dataclass
class Stream:
    """What the view checked (the member, the workspace, the journey) and where to resume."""

    workspace: int
    user: int
    journey: int | None
    tab: object | None
    since_id: int | None
    since_time: datetime | None
    # A map page's stream also gets its cells drawn for it (live.pushing); None for the others.
    audience: Audience | None = None
    subscription: Subscription | None = field(default=None, init=False)
    beats: asyncio.TimerHandle | None = field(default=None, init=False)

    @property
    def presence_args(self) -> tuple:
        return (self.tab, self.user, self.workspace, self.journey)

    async def events(self) -> AsyncIterator[str]:
        """Run on the server's event loop: listening first, then what was missed, then on."""
        self.subscription = await hub.subscribe(get_bus(), self.workspace, self.user, self.journey)
        self.subscription.audience = self.audience
        try:
            missed = await db(
                catch_up, self.workspace, self.since_id, self.since_time, self.subscription.wants
            )
            replayed = {change.id for change in missed or ()}
            yield f"retry: {RETRY_MS}\n\n"
            if missed is None:
                yield sse_event("resync")
            for change in missed or ():
                yield change.sse
            if self.tab:
                await db(presence.join, *self.presence_args)
            self._beat_later()
            # Events already queued go out together: one write to the socket, not one each.
            out = []
            while True:
                if out and self.subscription.queue.empty():
                    yield "".join(out)
                    out.clear()
                change = await self.subscription.queue.get()
                if change is BEAT:
                    out.append(": beat\n\n")
                    if self.tab:
                        await db(presence.beat, *self.presence_args)
                    continue
                if self.subscription.overflowed:
                    out.append(self._drained())
                elif change.kind == "membership":
                    if change.data.get("user") != self.subscription.user:
                        continue
                    role = await db(_role, self.subscription)
                    if role is None:
                        yield "".join(out) + sse_event("end")
                        return
                    self._draw_for(role)
                    out.append(sse_event("resync"))
                elif change.id is None or change.id not in replayed:
                    out.append(change.sse)
        finally:
            if self.beats is not None:
                self.beats.cancel()
            hub.unsubscribe(self.subscription)
            if self.tab:
                await db(presence.leave, self.tab, self.workspace, self.journey)

    def _beat_later(self) -> None:
        """A beat in BEAT_SECONDS, queued with the changes: one timer per stream rather than
        a timeout around every wait for a change (7 % of the event loop's time under 50
        editors). On time however busy the journey, as a tab that missed beats would fade."""
        loop = asyncio.get_running_loop()
        self.beats = loop.call_later(presence.BEAT_SECONDS, self._beat)

    def _beat(self) -> None:
        self.subscription.put(BEAT)
        self._beat_later()

    def _draw_for(self, role: str) -> None:
        """A member whose role changed gets the parts drawn for the new one from now on."""
        audience = self.subscription.audience
        if audience is not None:
            can_edit = Membership(role=role).can_edit
            self.subscription.audience = replace(audience, can_edit=can_edit)

    def _drained(self) -> str:
        """A browser too slow to follow: forget the queue, tell it to draw again."""
        while not self.subscription.queue.empty():
            self.subscription.queue.get_nowait()
        self.subscription.overflowed = False
        return sse_event("resync")


def _role(subscription: Subscription) -> str | None:
    """The member's role now, None once they have left the workspace."""
    return (
        Membership.objects.filter(user_id=subscription.user, workspace_id=subscription.workspace)
        .values_list("role", flat=True)
        .first()
    )

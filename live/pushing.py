"""Parts of an open map pushed in its stream, drawn once per audience rather than fetched by
every viewer.

Each change to a card, a friction note or a comment used to make every open map fetch the
changed cell, the summary row and the curve again: with 50 editors on one journey, about 20
changes a second, that was a thousand requests a second, each paying its session, user,
membership and journey queries. Instead each app server process gathers a journey's changes
for WINDOW seconds, then, once per persona and language its open pages show, draws the touched
cells once per audience (edit or read, so a viewer never receives edit controls) and puts them
in those pages' streams as a `fragments` event; the summary row and the curve, which need the
whole map loaded, follow the same way at most every SUMMARY_EVERY seconds. The page swaps them
in when the viewer is not busy with them (static/js/live.js).

What a stream may receive was settled when it opened (its member's access to the journey) and
is checked again when its member's role changes (live.streams).
"""

import asyncio
import contextvars
import logging
from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from django.template.loader import get_template
from django.utils import translation

from journeys.models import Journey
from live.changes import Change
from live.threads import db
from maps.responses import curve_html, map_context, map_curve
from maps.swimlanes import CellKey, load_cells, load_map
from workspaces.models import Membership, Role

log = logging.getLogger(__name__)

# Long enough to gather a burst (a drag renumbers a column), short enough to feel live.
WINDOW = 0.4
# The summary row and the curve load the whole map: at most this often per journey.
SUMMARY_EVERY = 2.0
# The changes that redraw cells, the summary row and the curve; stages, channels and personas
# redraw the whole grid, which the page still fetches itself (they are rare).
PUSHED_KINDS = {"touchpoint", "frictionnote", "comment"}


@dataclass(frozen=True)
class Audience:
    """Who a map page is drawn for: the same HTML for everyone with the same four."""

    journey: int
    persona: int
    language: str
    can_edit: bool

    @property
    def drawing(self) -> tuple[int, int, str]:
        """One map load serves both audiences of a persona and language."""
        return (self.journey, self.persona, self.language)


def touched_cells(journey_map, changes: list[Change]) -> set[CellKey]:
    """The cells of the persona's map that the changes touched: a card's new place, or the
    cell of the card whose notes or comments changed (the bus does not say where it is)."""
    persona = journey_map.chosen.persona_id
    keys, noted = set(), set()
    for change in changes:
        data = change.data
        if change.kind == "touchpoint":
            if data.get("persona") == persona and data.get("stage") and data.get("channel"):
                keys.add(CellKey(data["stage"], data["channel"]))
        elif data.get("touchpoint"):
            noted.add(data["touchpoint"])
    if noted:
        cards = journey_map.journey.touchpoints.filter(pk__in=noted, persona_id=persona)
        keys.update(CellKey(*place) for place in cards.values_list("stage_id", "channel_id"))
    return keys


def draw(drawing: tuple, audiences: set[bool], changes: list[Change], *, summary: bool) -> dict:
    """The `fragments` HTML for each audience (`can_edit`) of one persona's map in a language:
    the cells the changes touched, or (`summary`) the summary row and the curve, which need
    every card. Empty when nothing on this persona's map changed, or it is gone."""
    journey_id, persona_id, language = drawing
    journey = Journey.objects.select_related("workspace").filter(pk=journey_id).first()
    if journey is None:
        return {}
    with translation.override(language):
        # The summary row and the curve need every card; cells only the grid's structure.
        journey_map = load_map(journey, None, persona_id=persona_id, with_touchpoints=summary)
        if journey_map.chosen is None or journey_map.chosen.persona_id != persona_id:
            return {}
        keys = touched_cells(journey_map, changes)
        if not keys:
            return {}  # another persona's cards
        if summary:
            extra = {"curve": map_curve(journey_map)}
            names = ["journeys/map.html#map_summary"]
            cells = []
        else:
            extra, names = {}, []
            cells = load_cells(journey_map, keys)
        drawn = {}
        for can_edit in audiences:
            # The role only decides what is drawn (edit controls or not); nothing is saved.
            member = Membership(workspace=journey.workspace, role=_role(can_edit))
            context = map_context(member, journey_map, **extra)
            parts = [_render("journeys/map.html#cell", context, cell=cell) for cell in cells]
            parts += [_render(name, context) for name in names]
            if summary:
                parts.append(curve_html(context))
            drawn[can_edit] = "".join(parts)
    return drawn


def _role(can_edit: bool) -> str:
    return Role.EDITOR if can_edit else Role.VIEWER


def _render(name: str, context: dict, **extra) -> str:
    return get_template(name).render(context | extra)


class Pusher:
    """One per process, beside the hub: gathers each journey's changes, then draws and pushes.
    Cells go out WINDOW after a change; the summary row and curve, which cost a whole map's
    loading, at most every SUMMARY_EVERY seconds, the last change always included."""

    def __init__(self, hub):
        self.hub = hub
        # For each kind of push, journey id → the changes waiting for it.
        self.pending: dict[bool, dict[int, list[Change]]] = {False: {}, True: {}}
        self.summary_at: dict[int, float] = {}

    def note(self, change: Change) -> None:
        """On the event loop, for every change the hub delivers."""
        if change.kind not in PUSHED_KINDS or change.journey is None:
            return
        if not any(self.hub.pushed_to(change.workspace, change.journey)):
            return
        loop = asyncio.get_running_loop()
        since = loop.time() - self.summary_at.get(change.journey, -SUMMARY_EVERY)
        for summary, delay in ((False, WINDOW), (True, max(WINDOW, SUMMARY_EVERY - since))):
            waiting = self.pending[summary].setdefault(change.journey, [])
            waiting.append(change)
            if len(waiting) == 1:
                flush = self.flush(change.workspace, change.journey, summary)
                # In a context of its own, not that of the request whose change it is (under
                # `make run` a view's thread hands the change over): that request is over then.
                loop.call_later(delay, loop.create_task, flush, context=contextvars.Context())

    def clear(self) -> None:
        for waiting in self.pending.values():
            waiting.clear()

    async def flush(self, workspace: int, journey: int, summary: bool) -> None:
        if summary:
            self.summary_at[journey] = asyncio.get_running_loop().time()
        changes = self.pending[summary].pop(journey, [])
        try:
            await self._push(workspace, journey, changes, summary)
        except Exception:
            # A page that misses a push is not broken: its next change, or a reload, redraws.
            log.exception("drawing the pushed parts of journey %s failed", journey)

    async def _push(self, workspace: int, journey: int, changes: list, summary: bool) -> None:
        by_drawing = defaultdict(list)
        for subscription in self.hub.pushed_to(workspace, journey):
            by_drawing[subscription.audience.drawing].append(subscription)
        for drawing, subscriptions in by_drawing.items():
            audiences = {subscription.audience.can_edit for subscription in subscriptions}
            drawn = await db(partial(draw, summary=summary), drawing, audiences, changes)
            # One event per audience, encoded once for all its streams.
            events = {
                can_edit: Change(workspace, journey, "fragments", {"html": html})
                for can_edit, html in drawn.items()
                if html
            }
            for subscription in subscriptions:
                event = events.get(subscription.audience.can_edit)
                if event is not None:
                    subscription.put(event)

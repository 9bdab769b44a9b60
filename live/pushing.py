"""Parts of an open map pushed in its stream, drawn once per audience rather than fetched by
every viewer.

Each change to a card, a friction note or a comment used to make every open map fetch the
changed cell, the summary row and the curve again: with 50 editors on one journey, about 20
changes a second, that was a thousand requests a second, each paying its session, user,
membership and journey queries. Instead each app server process gathers a journey's changes
for WINDOW seconds, loads the map once per persona and language its open pages show, draws the
touched cells, the summary row and the curve once per audience (edit or read, so a viewer never
receives edit controls) and puts them in those pages' streams as one `fragments` event. The
page swaps them in when the viewer is not busy with them (static/js/live.js).

What a stream may receive was settled when it opened (its member's access to the journey) and
is checked again when its member's role changes (live.streams).
"""

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass

from django.template.loader import get_template
from django.utils import translation

from journeys.models import Journey
from live.changes import Change
from maps.responses import map_context, map_curve
from maps.swimlanes import CellKey, load_map
from workspaces.models import Membership, Role

log = logging.getLogger(__name__)

# Long enough to gather a burst (a drag renumbers a column), short enough to feel live.
WINDOW = 0.25
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
    """The cells of the loaded persona's map that the changes touched: a card's new place, or
    the card whose notes or comments changed (found in the map, which the bus does not say)."""
    persona = journey_map.chosen.persona_id
    cards = {card.pk: CellKey.of(card) for card in journey_map.touchpoints()}
    keys = set()
    for change in changes:
        data = change.data
        if change.kind == "touchpoint":
            if data.get("persona") == persona and data.get("stage") and data.get("channel"):
                keys.add(CellKey(data["stage"], data["channel"]))
        elif data.get("touchpoint") in cards:
            keys.add(cards[data["touchpoint"]])
    return keys


def draw(drawing: tuple[int, int, str], audiences: set[bool], changes: list[Change]) -> dict:
    """The `fragments` HTML for each audience (`can_edit`) of one persona's map, in a language:
    the touched cells, the summary row and the curve. Empty if the journey or persona is gone."""
    journey_id, persona_id, language = drawing
    journey = Journey.objects.select_related("workspace").filter(pk=journey_id).first()
    if journey is None:
        return {}
    with translation.override(language):
        journey_map = load_map(journey, None, persona_id=persona_id)
        if journey_map.chosen is None or journey_map.chosen.persona_id != persona_id:
            return {}
        keys = touched_cells(journey_map, changes)
        if not keys:
            return {}  # another persona's cards: nothing on this map changed
        cells = [
            cell
            for lane in journey_map.lanes
            for cell in lane.cells
            if CellKey(cell.stage.pk, cell.channel.pk) in keys
        ]
        curve = map_curve(journey_map)
        drawn = {}
        for can_edit in audiences:
            # The role only decides what is drawn (edit controls or not); nothing is saved.
            member = Membership(workspace=journey.workspace, role=_role(can_edit))
            context = map_context(member, journey_map, curve=curve)
            parts = [_render("journeys/map.html#cell", context, cell=cell) for cell in cells]
            parts.append(_render("journeys/map.html#map_summary", context))
            parts.append(_render("journeys/curve.html#emotion_curve", context))
            drawn[can_edit] = "".join(parts)
    return drawn


def _role(can_edit: bool) -> str:
    return Role.EDITOR if can_edit else Role.VIEWER


def _render(name: str, context: dict, **extra) -> str:
    return get_template(name).render(context | extra)


class Pusher:
    """One per process, beside the hub: gathers each journey's changes, then draws and pushes."""

    def __init__(self, hub, run_in_thread):
        self.hub = hub
        self.run_in_thread = run_in_thread
        self.pending: dict[int, list[Change]] = {}

    def note(self, change: Change) -> None:
        """On the event loop, for every change the hub delivers."""
        if change.kind not in PUSHED_KINDS or change.journey is None:
            return
        if not any(self.hub.pushed_to(change.workspace, change.journey)):
            return
        waiting = self.pending.setdefault(change.journey, [])
        waiting.append(change)
        if len(waiting) == 1:
            loop = asyncio.get_running_loop()
            flush = self.flush(change.workspace, change.journey)
            loop.call_later(WINDOW, loop.create_task, flush)

    async def flush(self, workspace: int, journey: int) -> None:
        try:
            await self._push(workspace, journey, self.pending.pop(journey, []))
        except Exception:
            # A page that misses a push is not broken: its next change, or a reload, redraws.
            log.exception("drawing the pushed parts of journey %s failed", journey)

    async def _push(self, workspace: int, journey: int, changes: list[Change]) -> None:
        by_drawing = defaultdict(list)
        for subscription in self.hub.pushed_to(workspace, journey):
            by_drawing[subscription.audience.drawing].append(subscription)
        for drawing, subscriptions in by_drawing.items():
            audiences = {subscription.audience.can_edit for subscription in subscriptions}
            drawn = await self.run_in_thread(draw, drawing, audiences, changes)
            for subscription in subscriptions:
                html = drawn.get(subscription.audience.can_edit)
                if html:
                    data = {"html": html}
                    subscription.put(Change(workspace, journey, "fragments", data))

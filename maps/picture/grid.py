"""The grid of the picture: stage headers, channel lanes with their cards, the friction row.

Columns are shared with the emotion curve above the lanes, so a curve's point sits over its stage.
A slide has a fixed height: lanes share it and their cards shrink to fit, down to one line each,
then a cell shows what fits and "+N more". The full map gives every card the room it needs.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from journeys.channel_icons import CHANNEL_EMOJI
from maps.picture import canvas, emoji
from maps.picture.canvas import BORDER, TEXT_MUTED, n
from maps.picture.text import Style, ellipsize, wrap
from maps.swimlanes import Frictions, Lane, StageSummary
from touchpoints.models import EMOTION_EMOJI

CELL_PAD = 7
CARD_GAP = 5
MORE_HEIGHT = 14
TITLE = Style(14, 600)
COMPACT_TITLE = Style(13, 600)
SMALL = Style(12)
SMALL_BOLD = Style(12, 600)
LANE_NAME = Style(15, 600)
STAGE_NAME = Style(16, 600)


@dataclass(frozen=True)
class Columns:
    """Where the lane names and the stage columns are, across the picture."""

    label_x: float
    label_width: float
    count: int
    width: float

    @property
    def x(self) -> float:
        return self.label_x + self.label_width

    @property
    def right(self) -> float:
        return self.x + self.count * self.width

    def left(self, index: int) -> float:
        return self.x + index * self.width

    def centre(self, index: int) -> float:
        return self.x + (index + 0.5) * self.width


@dataclass(frozen=True)
class CardShape:
    """How a card is drawn: its height and its title's lines; compact cards have one line with
    the emoji before it and no emotion word."""

    height: float
    title_lines: int
    compact: bool = False


COMPACT = CardShape(26, 1, compact=True)


def regular(title_lines: int) -> CardShape:
    """A card with its title on `title_lines` lines above the emotion and friction row."""
    return CardShape(10 + title_lines * 18 + 28, title_lines)


def stage_headers(columns: Columns, stages, y: float, height: float) -> str:
    parts = []
    for index, stage in enumerate(stages):
        x, w = columns.left(index) + 4, columns.width - 8
        parts.append(canvas.rect(x, y, w, height, canvas.ACCENT_SOFT, r=10))
        parts.append(canvas.circle(x + 22, y + height / 2, 12, canvas.ACCENT))
        parts.append(
            canvas.text(
                x + 22, y + height / 2 + 4.5, str(index + 1), SMALL_BOLD, "#ffffff", anchor="middle"
            )
        )
        name_lines = wrap(stage.name, w - 50, STAGE_NAME, 2 if height >= 52 else 1)
        top = y + height / 2 - (len(name_lines) - 1) * 10 + 5.5
        parts.append(canvas.lines(x + 42, top, name_lines, STAGE_NAME, 20, canvas.ACCENT_TEXT))
    return "".join(parts)


def card_shape(card, width: float, max_lines: int) -> CardShape:
    """A card showing its whole title (up to `max_lines`; 0 for one compact line)."""
    if not max_lines:
        return COMPACT
    return regular(len(wrap(card.title, width - 28, TITLE, max_lines)))


# A slide's card sizes, largest first: titles on two lines, on one, then compact cards.
SLIDE_LINES = (2, 1, 0)
FULL_LINES = 4


def cell_height(cards, width: float, max_lines: int) -> float:
    shapes = [card_shape(card, width, max_lines) for card in cards]
    return 2 * CELL_PAD + sum(s.height for s in shapes) + CARD_GAP * max(len(shapes) - 1, 0)


def lane_needs(lane: Lane, width: float, max_lines: int) -> float:
    """The height a lane needs for all its cards with titles of up to `max_lines` lines."""
    return max((cell_height(cell.touchpoints, width, max_lines) for cell in lane.cells), default=0)


def _cell_cards(cards, width: float, room: float, max_lines: int) -> tuple[list[CardShape], int]:
    """The shapes of a cell's cards: titles of up to `max_lines` lines (the lane's size) if they
    all fit in `room`, else the largest smaller size at which they do, else compact cards for as
    many as fit above "+N more"."""
    for lines in (max_lines, *(lines for lines in SLIDE_LINES if lines < max_lines)):
        if cell_height(cards, width, lines) <= room + 2 * CELL_PAD:
            return [card_shape(card, width, lines) for card in cards], len(cards)
    fitting = int((room - MORE_HEIGHT + CARD_GAP) // (COMPACT.height + CARD_GAP))
    shown = max(fitting, 0)
    return [COMPACT] * shown, shown


def lanes(
    columns: Columns,
    all_lanes: list[Lane],
    y: float,
    heights: list[float],
    max_lines: list[int],
    *,
    persona_colours: dict[int, str] | None = None,
) -> str:
    parts = []
    for number, (lane, height, lines) in enumerate(zip(all_lanes, heights, max_lines, strict=True)):
        if number % 2:  # every other lane shaded; the others show the white page
            parts.append(
                canvas.rect(
                    columns.label_x,
                    y,
                    columns.right - columns.label_x,
                    height,
                    canvas.SURFACE_MUTED,
                )
            )
        parts.append(_lane_header(columns, lane, y, height))
        for index, cell in enumerate(lane.cells):
            x = columns.left(index) + CELL_PAD
            width = columns.width - 2 * CELL_PAD
            room = height - 2 * CELL_PAD
            shapes, shown = _cell_cards(cell.touchpoints, width, room, lines)
            top = y + CELL_PAD
            for card, shape in zip(cell.touchpoints, shapes, strict=False):
                colour = (persona_colours or {}).get(card.persona_id)
                parts.append(_card(card, x, top, width, shape, colour))
                top += shape.height + CARD_GAP
            if shown < len(cell.touchpoints):
                more = len(cell.touchpoints) - shown
                label = ngettext("+%(count)d more", "+%(count)d more", more) % {"count": more}
                parts.append(canvas.text(x + 4, top + 10, label, SMALL_BOLD, TEXT_MUTED))
        y += height
        parts.append(
            f'<line x1="{n(columns.label_x)}" y1="{n(y)}" x2="{n(columns.right)}" y2="{n(y)}"'
            f' stroke="{BORDER}"/>'
        )
    return "".join(parts)


def column_rules(columns: Columns, top: float, bottom: float) -> str:
    """The vertical lines between stages, over the lanes."""
    return "".join(
        f'<line x1="{n(columns.left(i))}" y1="{n(top)}" x2="{n(columns.left(i))}"'
        f' y2="{n(bottom)}" stroke="{BORDER}"/>'
        for i in range(columns.count + 1)
    )


def _lane_header(columns: Columns, lane: Lane, y: float, height: float) -> str:
    channel = lane.channel
    x = columns.label_x
    parts = [canvas.rect(x, y + 6, 4, height - 12, channel.colour, r=2)]
    icon = CHANNEL_EMOJI.get(channel.icon, "")
    size = 22 if height >= 40 else 16
    if icon:
        parts.append(emoji.use(icon, x + 16, y + min(14, (height - size) / 2), size))
    max_lines = max(1, min(3, int((height - 12) // 19)))
    name = wrap(channel.name, columns.label_width - 60, LANE_NAME, max_lines)
    baseline = y + min(14, (height - size) / 2) + size / 2 + 5.5
    parts.append(canvas.lines(x + 48, baseline, name, LANE_NAME, 19))
    return "".join(parts)


def _card(card, x: float, y: float, width: float, shape: CardShape, accent: str | None) -> str:
    background, foreground = canvas.EMOTION_COLOURS[card.emotion]
    parts = [canvas.card_box(x, y, width, shape.height, r=8 if not shape.compact else 6)]
    parts.append(canvas.rect(x + 3, y + 5, 3, shape.height - 10, accent or foreground, r=1.5))
    frictions: Frictions = card.frictions_summary
    badge_width = _badge_width(frictions)
    face = EMOTION_EMOJI[card.emotion]
    if shape.compact:
        parts.append(emoji.use(face, x + 11, y + 5, 16))
        room = width - 36 - (badge_width + 6 if badge_width else 6)
        title = ellipsize(card.title, room, COMPACT_TITLE)
        parts.append(canvas.text(x + 32, y + 17.5, title, COMPACT_TITLE))
        if badge_width:
            parts.append(_badge(frictions, x + width - badge_width - 4, y + 4, badge_width))
        return "".join(parts)
    title = wrap(card.title, width - 28, TITLE, shape.title_lines)
    parts.append(canvas.lines(x + 14, y + 21, title, TITLE, 18))
    meta_y = y + shape.height - 25
    parts.append(emoji.use(face, x + 13, meta_y + 1, 18))
    word = card.emotion_label
    word_width = SMALL_BOLD.width(word) + 14
    parts.append(canvas.rect(x + 35, meta_y + 1, word_width, 18, background, r=9))
    parts.append(canvas.text(x + 42, meta_y + 14, word, SMALL_BOLD, foreground))
    if badge_width:
        parts.append(_badge(frictions, x + width - badge_width - 8, meta_y + 1, badge_width))
    return "".join(parts)


def _badge_width(frictions: Frictions) -> float:
    return SMALL_BOLD.width(str(frictions.count)) + 30 if frictions.count else 0


def _badge(frictions: Frictions, x: float, y: float, width: float) -> str:
    """A card's unresolved frictions: the worst severity's icon and colour, and their number."""
    background, foreground = canvas.SEVERITY_COLOURS[frictions.worst]
    return (
        canvas.rect(x, y, width, 18, background, r=9)
        + canvas.severity_icon(frictions.worst, x + 5, y + 3, 12)
        + canvas.text(x + 21, y + 13, str(frictions.count), SMALL_BOLD, foreground)
    )


def friction_row(columns: Columns, summaries: list[StageSummary], y: float, height: float) -> str:
    parts = [
        canvas.text(columns.label_x + 16, y + height / 2 + 5.5, _("Frictions"), LANE_NAME),
    ]
    for index, summary in enumerate(summaries):
        frictions = summary.frictions
        x, w = columns.left(index) + 4, columns.width - 8
        if not frictions.count:
            parts.append(canvas.rect(x, y + 6, w, height - 12, canvas.SURFACE_MUTED, r=10))
            parts.append(
                canvas.text(
                    x + w / 2,
                    y + height / 2 + 4.5,
                    _("No open friction"),
                    SMALL,
                    TEXT_MUTED,
                    anchor="middle",
                )
            )
            continue
        background, foreground = canvas.SEVERITY_COLOURS[frictions.worst]
        parts.append(canvas.rect(x, y + 6, w, height - 12, background, r=10))
        parts.append(canvas.severity_icon(frictions.worst, x + 12, y + height / 2 - 8, 16))
        count = ngettext("%(count)d open friction", "%(count)d open frictions", frictions.count)
        label = ellipsize(
            f"{count % {'count': frictions.count}} · {frictions.worst.label}", w - 44, SMALL_BOLD
        )
        parts.append(canvas.text(x + 36, y + height / 2 + 4.5, label, SMALL_BOLD, foreground))
    return "".join(parts)


def slide_lane_heights(
    lanes: list[Lane], width: float, room: float, floor: float
) -> tuple[list[float], list[int]]:
    """Share a slide's `room` between lanes. The lanes with the fullest cells give up size first
    (two-line titles, then one line, then compact cards), all lanes of the same fullness
    together so alike lanes look alike, until every lane fits; the spare height is spread
    evenly. If compact cards still do not fit, lanes share the room in proportion to their
    needs, none below `floor`, and cells show "+N more". Returns the lanes' heights and the
    title lines their cards get (0 for compact cards)."""
    if not lanes:
        return [], []
    floor = min(floor, room / len(lanes))
    fullness = [max((len(cell.touchpoints) for cell in lane.cells), default=0) for lane in lanes]
    levels = [0] * len(lanes)

    def need(i: int) -> float:
        return max(lane_needs(lanes[i], width, SLIDE_LINES[levels[i]]), floor)

    needs = [need(i) for i in range(len(lanes))]
    while sum(needs) > room:
        shrinkable = [i for i in range(len(lanes)) if levels[i] < len(SLIDE_LINES) - 1]
        if not shrinkable:
            break
        fullest = max(shrinkable, key=lambda i: (fullness[i], needs[i]))
        alike = (fullness[fullest], levels[fullest])
        for i in shrinkable:
            if (fullness[i], levels[i]) == alike:
                levels[i] += 1
                needs[i] = need(i)
    return _share(needs, room, floor), [SLIDE_LINES[level] for level in levels]


def _share(needs: list[float], room: float, floor: float) -> list[float]:
    """Each lane's height: its need plus an even part of the spare room, or when the room is
    short, a part of it in proportion to its need and never below `floor`."""
    if sum(needs) <= room:
        spare = (room - sum(needs)) / len(needs)
        return [need + spare for need in needs]
    heights: dict[int, float] = {}
    while True:
        open_lanes = [i for i in range(len(needs)) if i not in heights]
        if not open_lanes:
            return [heights[i] for i in range(len(needs))]
        left = room - sum(heights.values())
        total = sum(needs[i] for i in open_lanes)
        fixed = {i: needs[i] for i in open_lanes if needs[i] * left / total <= floor}
        if not fixed:
            heights |= {i: needs[i] * left / total for i in open_lanes}
            return [heights[i] for i in range(len(needs))]
        heights |= dict.fromkeys(fixed, floor)

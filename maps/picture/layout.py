"""The two sizes of picture, laid out top to bottom: header, stages, emotion curve, lanes,
friction row, metrics row (when the map has evidence), footer. A slide is exactly 1920 × 1080;
the full map is as large as its cards."""

from django.utils.translation import gettext as _

from journeys.channel_icons import CHANNEL_EMOJI
from maps.picture import canvas, curve, emoji, grid, header, metrics_row
from maps.picture.grid import CELL_PAD, COMPACT, Columns
from maps.picture.scene import Scene
from touchpoints.models import EMOTION_EMOJI

SLIDE = "slide"
FULL = "full"
SIZES = (SLIDE, FULL)

SLIDE_WIDTH, SLIDE_HEIGHT = 1920, 1080
MARGIN = 56
LABEL_WIDTH = 210
FULL_COLUMN = 260
FULL_MIN_WIDTH = 1600
STAGE_ROW = 56
FRICTION_ROW = 52
FOOTER = 34
GAP = 14
# A lane never gets less than one compact card above "+N more".
LANE_FLOOR = 2 * CELL_PAD + COMPACT.height + grid.CARD_GAP + grid.MORE_HEIGHT


def compose(scene: Scene, size: str) -> str:
    """The picture of `scene` at `size` (slide or full), as an SVG document."""
    full = size == FULL
    stage_count = max(len(scene.stages), 1)
    if full:
        width = max(FULL_MIN_WIDTH, 2 * MARGIN + LABEL_WIDTH + stage_count * FULL_COLUMN)
    else:
        width = SLIDE_WIDTH
    column = (width - 2 * MARGIN - LABEL_WIDTH) / stage_count
    columns = Columns(MARGIN, LABEL_WIDTH, len(scene.stages), column)

    y = MARGIN - 8
    head, defs = header.header(scene, MARGIN, y, width - 2 * MARGIN)
    y += header.HEIGHT + 24
    if scene.stages:
        body, y = _map(scene, columns, y, full)
    else:
        notice = _("This journey has no stages yet: add some to draw its map.")
        body = canvas.text(MARGIN, y + 40, notice, grid.LANE_NAME, canvas.TEXT_MUTED)
        y += 80
    height = SLIDE_HEIGHT if not full else round(y + FOOTER + MARGIN - 16)
    foot = header.footer(scene, MARGIN, height - MARGIN + 6, width - 2 * MARGIN)
    used = set(EMOTION_EMOJI.values()) | {
        CHANNEL_EMOJI.get(lane.channel.icon, "") for lane in scene.lanes
    }
    return canvas.document(round(width), height, emoji.symbols(used) + defs, head + body + foot)


def _map(scene: Scene, columns: Columns, y: float, full: bool) -> tuple[str, float]:
    """Stages, emotion curve, lanes and friction row from `y` down; and where they end."""
    card_width = columns.width - 2 * CELL_PAD
    curve_height = 200 if full else 140
    body = [grid.stage_headers(columns, scene.stages, y, STAGE_ROW)]
    y += STAGE_ROW + GAP
    body.append(curve.band(scene.curve, columns, y, curve_height))
    y += curve_height + GAP
    if full:
        heights = [
            max(grid.lane_needs(lane, card_width, grid.FULL_LINES), LANE_FLOOR + 30)
            for lane in scene.lanes
        ]
        max_lines = [grid.FULL_LINES] * len(scene.lanes)
    else:
        room = SLIDE_HEIGHT - MARGIN - FOOTER - FRICTION_ROW - 2 * GAP - y
        if metrics_row.shown(scene.evidence):
            room -= metrics_row.HEIGHT
        heights, max_lines = grid.slide_lane_heights(scene.lanes, card_width, room, LANE_FLOOR)
    lanes_top = y
    colours = scene.persona_colours if scene.comparing else None
    body.append(grid.lanes(columns, scene.lanes, y, heights, max_lines, persona_colours=colours))
    y += sum(heights)
    body.append(grid.column_rules(columns, lanes_top, y))
    body.append(
        canvas.rect(
            columns.label_x, lanes_top, columns.right - columns.label_x, y - lanes_top, "none",
            r=12, stroke=canvas.BORDER_STRONG,
        )
    )  # fmt: skip
    y += GAP
    body.append(grid.friction_row(columns, scene.summaries, y, FRICTION_ROW))
    y += FRICTION_ROW
    if metrics_row.shown(scene.evidence):
        body.append(metrics_row.metrics_row(columns, scene.evidence, y, metrics_row.HEIGHT))
        y += metrics_row.HEIGHT
    return "".join(body), y + GAP

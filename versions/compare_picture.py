"""The comparison as a 1920 × 1080 slide: both emotion curves over the stages (the older
dashed), and under each stage what changed. Drawn with the map picture's own parts
(`maps/picture/`): its curve band, canvas, fonts and rasteriser."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maps.curves import EmotionCurve
from maps.picture import canvas, curve, emoji, grid
from maps.picture.grid import Columns
from maps.picture.raster import rasterise
from maps.picture.text import Style, ellipsize, wrap
from touchpoints.models import EMOTION_EMOJI
from versions.comparison import ADDED, CHANGED, REMOVED, Comparison

WIDTH, HEIGHT = 1920, 1080
MARGIN, LABEL_WIDTH = 56, 150
TITLE = Style(34, 700)
SUBTITLE = Style(18, 400)
LINE = Style(13)
LINE_HEIGHT = 18
MARKS = {ADDED: "+", REMOVED: "−", CHANGED: "~"}


def comparison_svg(
    comparison: Comparison, chart: EmotionCurve, title: str, labels: tuple[str, str]
) -> str:
    stage_count = max(len(comparison.stages), 1)
    columns = Columns(
        MARGIN, LABEL_WIDTH, stage_count, (WIDTH - 2 * MARGIN - LABEL_WIDTH) / stage_count
    )
    parts = [
        canvas.text(MARGIN, MARGIN + 30, ellipsize(title, WIDTH - 2 * MARGIN, TITLE), TITLE),
        _legend(labels, MARGIN, MARGIN + 68),
    ]
    y = MARGIN + 100
    parts.append(grid.stage_headers(columns, chart.stages, y, 56))
    y += 64
    parts.append(curve.band(chart, columns, y, 250))
    y += 270
    for index, stage in enumerate(comparison.stages):
        parts.append(_stage_column(stage, columns.left(index) + 8, y, columns.width - 16))
    parts.append(canvas.text(columns.label_x, y + 16, _("Changes"), grid.LANE_NAME))
    used = set(EMOTION_EMOJI.values())
    return canvas.document(WIDTH, HEIGHT, emoji.symbols(used), "".join(parts))


def comparison_png(*args) -> bytes:
    return rasterise(comparison_svg(*args))


def _legend(labels: tuple[str, str], x: float, y: float) -> str:
    older, newer = labels
    return (
        f'<line x1="{x}" y1="{y - 5}" x2="{x + 36}" y2="{y - 5}" stroke="#8a94a6"'
        ' stroke-width="3.5" stroke-dasharray="10 6"/>'
        + canvas.text(x + 46, y, older, SUBTITLE, canvas.TEXT_MUTED)
        + f'<line x1="{x + 70 + SUBTITLE.width(older)}" y1="{y - 5}"'
        f' x2="{x + 106 + SUBTITLE.width(older)}" y2="{y - 5}" stroke="{canvas.ACCENT}"'
        ' stroke-width="3.5"/>' + canvas.text(x + 116 + SUBTITLE.width(older), y, newer, SUBTITLE)
    )


def _stage_column(stage, x: float, y: float, width: float) -> str:
    box_height = HEIGHT - MARGIN - y
    parts = [canvas.rect(x, y, width, box_height, canvas.SURFACE_MUTED, r=10)]
    counts = [
        ngettext("%(n)d card added", "%(n)d cards added", stage.count(ADDED)),
        ngettext("%(n)d card removed", "%(n)d cards removed", stage.count(REMOVED)),
        ngettext("%(n)d card changed", "%(n)d cards changed", stage.count(CHANGED)),
        ngettext("%(n)d friction opened", "%(n)d frictions opened", stage.opened),
        ngettext("%(n)d friction resolved", "%(n)d frictions resolved", stage.resolved),
    ]
    values = [stage.count(ADDED), stage.count(REMOVED), stage.count(CHANGED)]
    values += [stage.opened, stage.resolved]
    line_y = y + 24
    for text, value in zip(counts, values, strict=True):
        if value:
            parts.append(canvas.text(x + 12, line_y, text % {"n": value}, grid.SMALL_BOLD))
            line_y += LINE_HEIGHT
    if not stage.changed_anything:
        parts.append(canvas.text(x + 12, line_y, _("No change"), LINE, canvas.TEXT_MUTED))
    line_y += 8
    details = [f"{MARKS[card.kind]} {card.title}" for card in stage.cards]
    details += [f"⚠ {friction.title}" for friction in stage.frictions]
    room = int((y + box_height - line_y - 8) // LINE_HEIGHT)
    for n, detail in enumerate(details):
        if n == room - 1 and len(details) > room:
            left = len(details) - n
            more = ngettext("+%(count)d more", "+%(count)d more", left) % {"count": left}
            parts.append(canvas.text(x + 12, line_y, more, LINE, canvas.TEXT_MUTED))
            break
        line = wrap(detail, width - 24, LINE, 1)[0]
        parts.append(canvas.text(x + 12, line_y, line, LINE))
        line_y += LINE_HEIGHT
    return "".join(parts)

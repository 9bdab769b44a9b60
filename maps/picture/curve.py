"""The emotion curve over the stage columns: one persona's, or every persona's compared.

A smooth line (Catmull-Rom through each stage's average emotion, as cubic Béziers) with a dot
per stage; stages without touchpoints are skipped, not drawn as neutral.
"""

from django.utils.translation import gettext as _

from maps.curves import EmotionCurve, PersonaCurve
from maps.picture import canvas, emoji
from maps.picture.canvas import BORDER, BORDER_STRONG, n
from maps.picture.grid import LANE_NAME, SMALL, Columns
from touchpoints.models import EMOTION_EMOJI

# plotly's dash names (curves.LINE_DASHES) as SVG dash arrays.
DASHES = {"solid": "", "dash": "10 6", "dot": "2 5", "dashdot": "10 5 2 5", "longdash": "18 6"}
SCALE = (2, 0, -2)


def band(curve: EmotionCurve, columns: Columns, y: float, height: float) -> str:
    top, bottom = y + 18, y + height - 18

    def level(value: float) -> float:
        return top + (2 - value) / 4 * (bottom - top)

    parts = [
        canvas.rect(columns.x, y, columns.right - columns.x, height, canvas.SURFACE_MUTED, r=12),
        canvas.text(columns.label_x + 16, y + 24, _("Emotion"), LANE_NAME),
    ]
    for value in SCALE:
        dash = "" if value == 0 else ' stroke-dasharray="4 6"'
        parts.append(
            f'<line x1="{n(columns.x + 12)}" y1="{n(level(value))}" x2="{n(columns.right - 12)}"'
            f' y2="{n(level(value))}" stroke="{BORDER_STRONG if value == 0 else BORDER}"{dash}/>'
        )
        parts.append(emoji.use(EMOTION_EMOJI[value], columns.x - 30, level(value) - 10, 20))
    for persona_curve in curve.curves:
        parts.append(_line(persona_curve, columns, level, single=not curve.comparing))
    if not curve.has_points:
        parts.append(
            canvas.text(
                (columns.x + columns.right) / 2,
                y + height / 2 + 5,
                _("No touchpoint yet"),
                SMALL,
                canvas.TEXT_MUTED,
                anchor="middle",
            )
        )
    return "".join(parts)


def _line(persona_curve: PersonaCurve, columns: Columns, level, *, single: bool) -> str:
    index = {point.stage.pk: i for i, point in enumerate(persona_curve.points)}
    points = [
        (columns.centre(index[point.stage.pk]), level(point.average), point)
        for point in persona_curve.drawn
    ]
    if not points:
        return ""
    colour = canvas.ACCENT if single else persona_curve.colour
    dash = "" if single else DASHES.get(persona_curve.dash, "")
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    path = _smooth([(x, y) for x, y, _point in points], level(2), level(-2))
    parts = []
    if single and len(points) > 1:
        # A soft wash under the line, down to the neutral level, gives the curve its weight.
        area = f"{path} L{n(points[-1][0])},{n(level(0))} L{n(points[0][0])},{n(level(0))} Z"
        parts.append(f'<path d="{area}" fill="{colour}" fill-opacity="0.08"/>')
    parts.append(
        f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="3.5"'
        f' stroke-linecap="round" stroke-linejoin="round"{dash_attr}/>'
    )
    for x, y, point in points:
        dot = canvas.EMOTION_COLOURS[point.emotion][1] if single else colour
        parts.append(canvas.circle(x, y, 7, "#ffffff", extra=f' stroke="{dot}" stroke-width="3"'))
        if single:
            # The face above its dot, or below it when the dot is at the top of the scale.
            face_y = y - 38 if y - 38 > level(2) - 18 else y + 14
            parts.append(emoji.use(point.emoji, x - 11, face_y, 22))
    return "".join(parts)


def _smooth(points: list[tuple[float, float]], top: float, bottom: float) -> str:
    """A path through `points`: Catmull-Rom segments as cubic Béziers, with control points kept
    between the +2 and −2 levels so the line never bulges past the scale."""
    d = f"M{n(points[0][0])},{n(points[0][1])}"
    if len(points) == 1:
        return d
    padded = [points[0], *points, points[-1]]
    for i in range(1, len(padded) - 2):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = padded[i - 1 : i + 3]
        c1 = (x1 + (x2 - x0) / 6, min(max(y1 + (y2 - y0) / 6, top), bottom))
        c2 = (x2 - (x3 - x1) / 6, min(max(y2 - (y3 - y1) / 6, top), bottom))
        d += f" C{n(c1[0])},{n(c1[1])} {n(c2[0])},{n(c2[1])} {n(x2)},{n(y2)}"
    return d

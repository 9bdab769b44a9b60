"""The picture's header (journey title, the persona or the personas compared) and its footer
(legend of emotions and severities, workspace and date)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from maps.curves import EmotionCurve
from maps.picture import canvas, emoji
from maps.picture.canvas import ACCENT, TEXT, TEXT_MUTED, n
from maps.picture.curve import DASHES
from maps.picture.scene import Scene, photo_data_uri
from maps.picture.text import Style, ellipsize, wrap
from personas.models import Persona
from touchpoints.models import EMOTION_EMOJI, Emotion, Severity

OVERLINE = Style(13, 700)
TITLE = Style(40, 700)
DESCRIPTION = Style(17)
NAME = Style(22, 700)
ROLE = Style(16)
QUOTE = Style(15)
LEGEND = Style(12)
LEGEND_BOLD = Style(12, 600)
PERSONA_WIDTH = 600
HEIGHT = 120


def quoted(text: str) -> str:
    """A persona's quote between the quotation marks of the picture's language."""
    if get_language().startswith("fr"):
        return f"«\u00a0{text}\u00a0»"
    return f"“{text}”"


def _overline(x: float, y: float, label: str, colour: str) -> str:
    """The small capitals line above a title."""
    return canvas.text(x, y + 14, label.upper(), OVERLINE, colour)


def header(scene: Scene, x: float, y: float, width: float) -> tuple[str, str]:
    """The header's markup, and its definitions (the avatar's clip path) for `<defs>`."""
    text_width = width - PERSONA_WIDTH - 40
    journey = scene.journey
    parts = [
        _overline(x, y, _("Customer journey map"), ACCENT),
        canvas.text(x, y + 62, ellipsize(journey.title, text_width, TITLE), TITLE),
    ]
    if journey.description:
        description = wrap(journey.description, text_width, DESCRIPTION, 2)
        parts.append(canvas.lines(x, y + 92, description, DESCRIPTION, 23, TEXT_MUTED))
    side = x + width - PERSONA_WIDTH
    if scene.persona:
        markup, defs = _persona(scene.persona, side, y)
    elif scene.comparing:
        markup, defs = _personas(scene.curve, side, y), ""
    else:  # a journey without personas yet
        markup, defs = "", ""
    return "".join(parts) + markup, defs


def _persona(persona: Persona, x: float, y: float) -> tuple[str, str]:
    size = 96
    cx, cy = x + size / 2, y + size / 2 + 4
    photo = photo_data_uri(persona)
    if photo:
        defs = (
            f'<clipPath id="avatar"><circle cx="{n(cx)}" cy="{n(cy)}" r="{size / 2}"/></clipPath>'
        )
        avatar = (
            f'<image href="{photo}" x="{n(x)}" y="{n(cy - size / 2)}" width="{size}"'
            f' height="{size}" clip-path="url(#avatar)" preserveAspectRatio="xMidYMid slice"/>'
        )
    else:
        defs = ""
        avatar = canvas.circle(cx, cy, size / 2, persona.colour or ACCENT) + canvas.text(
            cx, cy + 12, persona.initials, Style(34, 700), "#ffffff", anchor="middle"
        )
    room = PERSONA_WIDTH - size - 24
    left = x + size + 24
    parts = [avatar, canvas.text(left, y + 24, ellipsize(persona.name, room, NAME), NAME)]
    top = y + 48
    if persona.role:
        parts.append(canvas.text(left, top, ellipsize(persona.role, room, ROLE), ROLE, TEXT_MUTED))
        top += 26
    if persona.quote:
        quote = wrap(quoted(persona.quote), room, QUOTE, 2 if persona.role else 3)
        parts.append(canvas.lines(left, top, quote, QUOTE, 20, TEXT))
    return "".join(parts), defs


def _personas(curve: EmotionCurve, x: float, y: float) -> str:
    """Every persona compared: the legend of the curves, two columns of names."""
    parts = [_overline(x, y, _("All personas"), TEXT_MUTED)]
    column_width = PERSONA_WIDTH / 2
    for index, persona_curve in enumerate(curve.curves[:8]):
        left = x + (index % 2) * column_width
        top = y + 34 + (index // 2) * 24
        dash = DASHES.get(persona_curve.dash, "")
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{n(left)}" y1="{n(top)}" x2="{n(left + 30)}" y2="{n(top)}"'
            f' stroke="{persona_curve.colour}" stroke-width="3.5"{dash_attr}/>'
        )
        parts.append(
            canvas.circle(
                left + 15,
                top,
                5,
                "#ffffff",
                extra=f' stroke="{persona_curve.colour}" stroke-width="2.5"',
            )
        )
        name = ellipsize(persona_curve.persona.name, column_width - 50, Style(16, 600))
        parts.append(canvas.text(left + 40, top + 5.5, name, Style(16, 600)))
    if len(curve.curves) > 8:
        more = len(curve.curves) - 8
        parts.append(canvas.text(x, y + 34 + 4 * 24, f"+{more}", LEGEND_BOLD, TEXT_MUTED))
    return "".join(parts)


def footer(scene: Scene, x: float, y: float, width: float) -> str:
    """The legend on the left, who and when on the right; `y` is the text's baseline."""
    parts = [canvas.text(x, y, _("Emotion"), LEGEND_BOLD, TEXT_MUTED)]
    left = x + LEGEND_BOLD.width(_("Emotion")) + 12
    for value, label in Emotion.choices:
        parts.append(emoji.use(EMOTION_EMOJI[value], left, y - 13, 16))
        parts.append(canvas.text(left + 20, y, str(label), LEGEND, TEXT_MUTED))
        left += 20 + LEGEND.width(str(label)) + 14
    left += 14
    parts.append(canvas.text(left, y, _("Friction severity"), LEGEND_BOLD, TEXT_MUTED))
    left += LEGEND_BOLD.width(_("Friction severity")) + 12
    for severity in Severity:
        parts.append(canvas.severity_icon(severity, left, y - 12, 14))
        parts.append(canvas.text(left + 19, y, str(severity.label), LEGEND, TEXT_MUTED))
        left += 19 + LEGEND.width(str(severity.label)) + 14
    workspace = ellipsize(scene.journey.workspace.name, 360, LEGEND)
    stamp = f"{workspace} · {date_format(timezone.localdate(), 'DATE_FORMAT')} ·"
    brand = Style(12, 700)
    parts.append(canvas.text(x + width, y, "Parcours", brand, ACCENT, anchor="end"))
    parts.append(
        canvas.text(
            x + width - brand.width("Parcours") - 4, y, stamp, LEGEND, TEXT_MUTED, anchor="end"
        )
    )
    return "".join(parts)

"""SVG primitives in the app's palette (`static/css/parcours.css`), built as escaped strings.

Strings rather than a template per element: a 400-card map has thousands of elements, and the
template engine costs a quarter of a millisecond a card (see `maps/cards.py`).
"""

import re

from django.utils.html import escape

from maps.picture.text import EMOJI_FAMILY, FAMILY, Style
from touchpoints.models import Severity

BACKGROUND = "#ffffff"
SURFACE_MUTED = "#f9fafb"
PANEL = "#f5f6f8"
BORDER = "#e3e6eb"
BORDER_STRONG = "#cfd4dc"
TEXT = "#1c2230"
TEXT_MUTED = "#5b6475"
ACCENT = "#4f46e5"
ACCENT_SOFT = "#eef0ff"
ACCENT_TEXT = "#3730a3"

# Emotion −2…+2: (background, text colour), as on the map's chips.
EMOTION_COLOURS = {
    -2: ("#fee2e2", "#991b1b"),
    -1: ("#ffedd5", "#9a3412"),
    0: ("#eef0f3", "#475467"),
    1: ("#ecfccb", "#3f6212"),
    2: ("#d1fae5", "#065f46"),
}
SEVERITY_COLOURS = {
    Severity.LOW: ("#eef0f3", "#475467"),
    Severity.MEDIUM: ("#fef3c7", "#92400e"),
    Severity.HIGH: ("#ffedd5", "#9a3412"),
    Severity.CRITICAL: ("#fee2e2", "#991b1b"),
}


def n(value: float) -> str:
    """A coordinate, short: SVG size matters at 400 cards."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def rect(x, y, w, h, fill: str, *, r: float = 0, stroke: str = "", extra: str = "") -> str:
    stroke_attr = f' stroke="{stroke}"' if stroke else ""
    radius = f' rx="{n(r)}"' if r else ""
    return (
        f'<rect x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}"{radius}'
        f' fill="{fill}"{stroke_attr}{extra}/>'
    )


def card_box(x, y, w, h, *, r: float = 8, fill: str = BACKGROUND) -> str:
    """A card: a soft shadow (a second, offset rectangle: a blur filter on hundreds of cards
    would cost more than the whole rest of the picture) under a bordered rectangle."""
    return rect(x, y + 1.5, w, h, "#101828", r=r, extra=' fill-opacity="0.07"') + rect(
        x, y, w, h, fill, r=r, stroke=BORDER
    )


# Emoji modifiers a monochrome emoji font without shaping cannot apply (skin tones, joiners,
# presentation selectors): left out rather than drawn as boxes.
EMOJI_MODIFIERS = re.compile("[\ufe0e\ufe0f\u200d\U0001f3fb-\U0001f3ff]")


def text(
    x,
    y,
    content: str,
    style: Style,
    fill: str = TEXT,
    *,
    anchor: str = "",
) -> str:
    """One line of text whose baseline starts at (x, y)."""
    weight = f' font-weight="{style.weight}"' if style.weight != 400 else ""
    anchor_attr = f' text-anchor="{anchor}"' if anchor else ""
    return (
        f'<text x="{n(x)}" y="{n(y)}" font-size="{n(style.size)}"{weight}{anchor_attr}'
        f' fill="{fill}">{escape(EMOJI_MODIFIERS.sub("", content))}</text>'
    )


def lines(x, y, content: list[str], style: Style, line_height: float, fill: str = TEXT) -> str:
    return "".join(
        text(x, y + i * line_height, line, style, fill) for i, line in enumerate(content)
    )


def circle(cx, cy, r, fill: str, *, extra: str = "") -> str:
    return f'<circle cx="{n(cx)}" cy="{n(cy)}" r="{n(r)}" fill="{fill}"{extra}/>'


def severity_icon(severity: Severity, x: float, y: float, size: float) -> str:
    """The severity's icon (▿ ◆ ▲ ⛔, as on the map) drawn as a shape in the square (x, y, size):
    shapes look the same on every machine, whatever fonts it has."""
    colour = SEVERITY_COLOURS[severity][1]
    s, cx, cy = size, x + size / 2, y + size / 2
    if severity == Severity.LOW:
        points = f"{n(x + s * 0.2)},{n(y + s * 0.3)} {n(x + s * 0.8)},{n(y + s * 0.3)} "
        points += f"{n(cx)},{n(y + s * 0.8)}"
        return f'<polygon points="{points}" fill="none" stroke="{colour}" stroke-width="1.6"/>'
    if severity == Severity.MEDIUM:
        points = f"{n(cx)},{n(y + s * 0.1)} {n(x + s * 0.9)},{n(cy)} {n(cx)},{n(y + s * 0.9)} "
        points += f"{n(x + s * 0.1)},{n(cy)}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if severity == Severity.HIGH:
        points = f"{n(cx)},{n(y + s * 0.12)} {n(x + s * 0.95)},{n(y + s * 0.88)} "
        points += f"{n(x + s * 0.05)},{n(y + s * 0.88)}"
        return f'<polygon points="{points}" fill="{colour}" stroke-linejoin="round"/>'
    return circle(cx, cy, s * 0.48, "#be1931") + rect(
        x + s * 0.18, cy - s * 0.1, s * 0.64, s * 0.2, "#ffffff", r=s * 0.05
    )


def document(width: int, height: int, defs: str, body: str) -> str:
    """The SVG document; its white background is the canvas's (`rasterise`), not a rectangle
    the renderer would have to fill on top of it."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" font-family="{FAMILY}, \'{EMOJI_FAMILY}\'">'
        f"<defs>{defs}</defs>{body}</svg>"
    )

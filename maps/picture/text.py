"""Text in the picture: the shipped font's metrics, line wrapping and ellipses.

resvg draws the text, but it cannot wrap it: lines are cut here, with the widths of the very font
files resvg is given, so a title never runs out of its card. Widths are summed from per-character
advances (cached), which ignores kerning; kerning only ever tightens Inter, so a measured line is
never narrower than the drawn one.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import ImageFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "Inter"
# Weight → the file resvg and the measurements use for it.
FONT_FILES = {400: "Inter-Regular.otf", 600: "Inter-SemiBold.otf", 700: "Inter-Bold.otf"}
# Emoji typed in titles, names and quotes, which Inter lacks, are drawn with this font.
EMOJI_FAMILY = "Noto Emoji"
EMOJI_FILE = "NotoEmoji-Medium.ttf"
ELLIPSIS = "…"
# Metrics are read at this size and scaled, so one cache serves every size.
METRICS_SIZE = 100
# Lines break at ordinary white space only: a no-break space (inside « » in French) holds.
BREAKABLE = re.compile(r"[ \t\r\n]+")


def font_paths() -> list[str]:
    return [str(font_file(weight)) for weight in [*FONT_FILES, None]]


def font_file(weight: int | None) -> Path:
    """The file of Inter at `weight`, or of the emoji font for None."""
    return FONT_DIR / (FONT_FILES[weight] if weight else EMOJI_FILE)


@cache
def _font(weight: int | None) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(
        str(font_file(weight)), METRICS_SIZE, layout_engine=ImageFont.Layout.BASIC
    )


# A private-use code point no font here has: what Inter draws for a character it lacks.
NOT_IN_FONTS = "\U000f0000"


def _shape(char: str) -> tuple:
    font = _font(400)
    return font.getlength(char), font.getbbox(char)


@cache
def has_glyph(char: str) -> bool:
    """Whether Inter draws `char` (else the emoji font does): Inter draws the characters it
    lacks as its "missing" box, which Pillow measures like any glyph."""
    return char.isspace() or _shape(char) != _shape(NOT_IN_FONTS)


@cache
def _advance(char: str, weight: int) -> float:
    """One character's advance in ems."""
    return _font(weight if has_glyph(char) else None).getlength(char) / METRICS_SIZE


def width(text: str, size: float, weight: int = 400) -> float:
    return sum(_advance(char, weight) for char in text) * size


@dataclass(frozen=True)
class Style:
    size: float
    weight: int = 400

    def width(self, text: str) -> float:
        return width(text, self.size, self.weight)


def words(text: str) -> list[str]:
    return [word for word in BREAKABLE.split(text) if word]


def ellipsize(text: str, max_width: float, style: Style) -> str:
    """`text` on one line of `max_width`, cut with an ellipsis when it is longer."""
    text = " ".join(words(text))
    if style.width(text) <= max_width:
        return text
    room = max_width - style.width(ELLIPSIS)
    total = 0.0
    for cut, char in enumerate(text):
        total += _advance(char, style.weight) * style.size
        if total > room:
            return text[:cut].rstrip(" ,;:—–-") + ELLIPSIS
    return text


def wrap(text: str, max_width: float, style: Style, max_lines: int) -> list[str]:
    """`text` in at most `max_lines` lines of `max_width`; the last one ellipsised if it must be.

    Breaks between words; a word longer than a whole line (a URL, a long compound) is cut.
    """
    words_left = words(text)
    lines: list[str] = []
    line = ""
    for n, word in enumerate(words_left):
        candidate = f"{line} {word}" if line else word
        if not line or style.width(candidate) <= max_width:
            line = candidate  # a lone word too long for a line is cut when its line closes
            continue
        if len(lines) == max_lines - 1:
            return [*lines, ellipsize(" ".join([line, *words_left[n:]]), max_width, style)]
        lines.append(ellipsize(line, max_width, style))
        line = word
    if line:
        lines.append(ellipsize(line, max_width, style))
    return lines

"""The app's own emoji (emotions, channels) as Twemoji drawings inside the SVG.

An emoji font would make the output depend on what each machine has installed (or weigh 10 MB
for Noto Color Emoji); the handful of emoji the app itself shows are shipped as Twemoji SVGs
(CC-BY 4.0, `emoji/LICENSE.md`), defined once per picture as `<symbol>`s and placed with `<use>`.
"""

import re
from functools import cache
from pathlib import Path

from django.utils.html import format_html

EMOJI_DIR = Path(__file__).resolve().parent / "emoji"
VARIATION_SELECTOR = "\ufe0f"


def code(emoji: str) -> str:
    """Twemoji's file name for an emoji: its code points in hex, without variation selectors."""
    return "-".join(f"{ord(char):x}" for char in emoji if char != VARIATION_SELECTOR)


@cache
def _drawing(name: str) -> str | None:
    path = EMOJI_DIR / f"{name}.svg"
    if not path.exists():
        return None
    svg = path.read_text(encoding="utf-8")
    # The drawing's own markup, trusted: it is a file of this repository.
    return re.sub(r"^<svg[^>]*>|</svg>$", "", svg.strip())


def drawing(name: str) -> str | None:
    """The Twemoji drawing of the file `name` (see `code`): its markup inside a 36 × 36 box."""
    return _drawing(name)


def has(emoji: str) -> bool:
    return _drawing(code(emoji)) is not None


def symbols(emojis: set[str]) -> str:
    """The `<symbol>` definitions of the emoji a picture uses, for its `<defs>`."""
    return "".join(
        f'<symbol id="emoji-{name}" viewBox="0 0 36 36">{_drawing(name)}</symbol>'
        for name in sorted({code(emoji) for emoji in emojis if has(emoji)})
    )


def use(emoji: str, x: float, y: float, size: float) -> str:
    """`emoji` drawn in the square of side `size` whose top left corner is (x, y)."""
    return format_html(
        '<use href="#emoji-{}" x="{}" y="{}" width="{}" height="{}"/>',
        code(emoji),
        round(x, 1),
        round(y, 1),
        size,
        size,
    )

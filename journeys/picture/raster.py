"""SVG to PNG: resvg draws the shapes and emoji, FreeType (through Pillow) the text.

resvg would draw the text too, but at 400 cards text is four fifths of its time (it turns every
glyph of every line into a path, then fills it): 0.65 s of 0.8 s for a full map. The SVG's
`<text>` elements are written by `canvas.text` alone, in one fixed form, so they are read back
here and drawn by FreeType with the same font files at the same places, in a tenth of the time.
"""

import html
import io
import re
from functools import cache

import svg2png_py
from PIL import Image, ImageDraw, ImageFont

from journeys.picture.text import FAMILY, FONT_DIR, FONT_FILES, font_paths

PNG_COMPRESSION = 1  # at 12 megapixels, harder compression costs more time than it saves bytes
TEXT = re.compile(
    r'<text x="(?P<x>[-\d.]+)" y="(?P<y>[-\d.]+)" font-size="(?P<size>[\d.]+)"'
    r'(?: font-weight="(?P<weight>\d+)")?(?: text-anchor="(?P<anchor>\w+)")?'
    r' fill="(?P<fill>#[0-9a-f]{6})"(?P<extra>[^>]*)>(?P<content>[^<]*)</text>'
)
# SVG's text-anchor as Pillow's anchor, on the baseline.
ANCHORS = {None: "ls", "start": "ls", "middle": "ms", "end": "rs"}


@cache
def _shape_fonts() -> svg2png_py.FontDatabase:
    """The shipped fonts and no other, loaded once per process: whatever text resvg meets
    (none, normally) is drawn the same on every machine."""
    fonts = svg2png_py.FontDatabase()
    for path in font_paths():
        fonts.load_font_file(path)
    return fonts


@cache
def _font(weight: int, size: float) -> ImageFont.FreeTypeFont:
    # Basic layout: Latin text needs no shaping, and raqm costs 0.4 ms a line.
    return ImageFont.truetype(
        str(FONT_DIR / FONT_FILES[weight]), size, layout_engine=ImageFont.Layout.BASIC
    )


def rasterise(svg: str) -> bytes:
    """The PNG of an SVG document written by `layout.compose`."""
    texts = list(TEXT.finditer(svg))
    options = svg2png_py.RenderOptions(font_family=FAMILY)
    pixels, width, height = svg2png_py.svg_to_rgba(
        TEXT.sub("", svg), _shape_fonts(), bg_color=(255, 255, 255, 255), options=options
    )
    # The picture is opaque (a white background): RGB is a quarter less to compress.
    image = Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", 0, 1).convert("RGB")
    draw = ImageDraw.Draw(image)
    for text in texts:
        draw.text(
            (float(text["x"]), float(text["y"])),
            html.unescape(text["content"]),
            font=_font(int(text["weight"] or 400), float(text["size"])),
            fill=text["fill"],
            anchor=ANCHORS[text["anchor"]],
        )
    output = io.BytesIO()
    image.save(output, format="PNG", compress_level=PNG_COMPRESSION)
    return output.getvalue()

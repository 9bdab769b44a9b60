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
from itertools import groupby

import svg2png_py
from PIL import Image, ImageDraw, ImageFont

from maps.picture.text import FAMILY, font_file, font_paths, has_glyph

PNG_COMPRESSION = 1  # at 12 megapixels, harder compression costs more time than it saves bytes
TEXT = re.compile(
    r'<text x="(?P<x>[-\d.]+)" y="(?P<y>[-\d.]+)" font-size="(?P<size>[\d.]+)"'
    r'(?: font-weight="(?P<weight>\d+)")?(?: text-anchor="(?P<anchor>\w+)")?'
    r' fill="(?P<fill>#[0-9a-f]{6})">(?P<content>[^<]*)</text>'
)
# SVG's text-anchor as Pillow's anchor, on the baseline.
ANCHORS = {None: "ls", "start": "ls", "middle": "ms", "end": "rs"}
# How far left of its x a line starts, as a share of its width, for each text-anchor.
SHIFTS = {None: 0, "start": 0, "middle": 0.5, "end": 1}


@cache
def _shape_fonts() -> svg2png_py.FontDatabase:
    """The shipped fonts and no other, loaded once per process: whatever text resvg meets
    (none, normally) is drawn the same on every machine."""
    fonts = svg2png_py.FontDatabase()
    for path in font_paths():
        fonts.load_font_file(path)
    return fonts


@cache
def _font(weight: int | None, size: float) -> ImageFont.FreeTypeFont:
    # Basic layout: Latin text needs no shaping, and raqm costs 0.4 ms a line.
    return ImageFont.truetype(str(font_file(weight)), size, layout_engine=ImageFont.Layout.BASIC)


def _draw_text(draw: ImageDraw.ImageDraw, text: re.Match) -> None:
    """One `<text>` element: runs of Inter and of the emoji font, side by side."""
    x, y, size = float(text["x"]), float(text["y"]), float(text["size"])
    weight = int(text["weight"] or 400)
    content = html.unescape(text["content"])
    runs = [
        ("".join(chars), _font(weight if in_inter else None, size))
        for in_inter, chars in groupby(content, key=has_glyph)
    ]
    if len(runs) == 1:
        draw.text(
            (x, y), content, font=runs[0][1], fill=text["fill"], anchor=ANCHORS[text["anchor"]]
        )
        return
    widths = [font.getlength(run) for run, font in runs]
    x -= sum(widths) * SHIFTS[text["anchor"]]
    for (run, font), width in zip(runs, widths, strict=True):
        draw.text((x, y), run, font=font, fill=text["fill"], anchor="ls")
        x += width


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
        _draw_text(draw, text)
    output = io.BytesIO()
    image.save(output, format="PNG", compress_level=PNG_COMPRESSION)
    return output.getvalue()

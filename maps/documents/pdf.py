"""SVG pictures of maps/picture/ as PDF pages: vector shapes, the shipped fonts embedded (as
subsets), text kept as text, so it can be selected, searched and read by `pdftotext`.

CairoSVG draws the shapes with cairo (the system's libcairo, as `bin/system-deps` installs). Two
things it does slowly are done here instead, both from elements the picture writes in one fixed
form. The text it would draw one character at a time, measuring each (half of a 2.7 s PDF at
400 cards): as for the PNG (`picture.raster`), the `<text>` elements are taken out and drawn
with cairo's text calls, a run at a time, at the same places. Each `<use>` of an emoji it would
parse and draw again (two thirds of what was left): each emoji is drawn once into a recording
surface, which every use replays, still as vector shapes. Emoji and text come after the shapes,
as on the map, where nothing covers them. cairo finds fonts through fontconfig: the fonts
of maps/picture/fonts are added to it once per process, so the PDF uses the very files the
picture is measured with, whatever the machine has.
"""

import ctypes
import ctypes.util
import html
import io
import re
from functools import cache
from itertools import groupby

import cairocffi
from cairosvg.parser import Tree
from cairosvg.surface import PDFSurface

from maps.picture import emoji
from maps.picture.raster import SHIFTS, TEXT
from maps.picture.text import EMOJI_FAMILY, FONT_DIR, has_glyph

# What `emoji.use` and `emoji.symbols` write.
USE = re.compile(
    r'<use href="#emoji-(?P<code>[0-9a-f-]+)" x="(?P<x>[-\d.]+)" y="(?P<y>[-\d.]+)"'
    r' width="(?P<size>[\d.]+)" height="[\d.]+"/>'
)
SYMBOL = re.compile(r'<symbol id="emoji-[0-9a-f-]+" viewBox="0 0 36 36">.*?</symbol>', re.S)
EMOJI_BOX = 36

# CSS pixels (the SVG's unit) per inch: a picture's pixel is 0.75 pt.
DPI = 96
# cairo's font selection knows only normal and bold: each weight is named by its family.
FACES = {
    400: ("Inter", cairocffi.FONT_WEIGHT_NORMAL),
    600: ("Inter Semi Bold", cairocffi.FONT_WEIGHT_NORMAL),
    700: ("Inter", cairocffi.FONT_WEIGHT_BOLD),
    None: (EMOJI_FAMILY, cairocffi.FONT_WEIGHT_NORMAL),
}


@cache
def _register_fonts() -> None:
    library = ctypes.util.find_library("fontconfig") or "libfontconfig.so.1"
    fontconfig = ctypes.CDLL(library)
    fontconfig.FcConfigAppFontAddDir.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    fontconfig.FcConfigAppFontAddDir.restype = ctypes.c_int
    if not fontconfig.FcConfigAppFontAddDir(None, str(FONT_DIR).encode()):
        raise OSError(f"fontconfig could not read the fonts of {FONT_DIR}")


@cache
def _face(weight: int | None) -> cairocffi.ToyFontFace:
    family, bold = FACES.get(weight, FACES[400])
    return cairocffi.ToyFontFace(family, cairocffi.FONT_SLANT_NORMAL, bold)


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))


def _draw_text(context: cairocffi.Context, text: re.Match) -> None:
    """One `<text>` element: runs of Inter and of the emoji font, side by side."""
    size, weight = float(text["size"]), int(text["weight"] or 400)
    content = html.unescape(text["content"])
    runs = [
        ("".join(chars), _face(weight if in_inter else None))
        for in_inter, chars in groupby(content, key=has_glyph)
    ]
    context.set_font_size(size)
    context.set_source_rgb(*_rgb(text["fill"]))
    widths = []
    for run, face in runs:
        context.set_font_face(face)
        widths.append(context.text_extents(run)[4])  # x_advance
    x = float(text["x"]) - sum(widths) * SHIFTS[text["anchor"]]
    for (run, face), width in zip(runs, widths, strict=True):
        context.set_font_face(face)
        context.move_to(x, float(text["y"]))
        context.show_text(run)
        x += width


class _Drawing(PDFSurface):
    """An emoji drawn once, in its own units, into a surface that records it as vector shapes."""

    device_units_per_user_units = 1

    def _create_surface(self, width, height):
        box = cairocffi.RecordingSurface(cairocffi.CONTENT_COLOR_ALPHA, (0, 0, width, height))
        return box, width, height


def _recording(code: str, drawings: dict) -> cairocffi.RecordingSurface | None:
    if code not in drawings:
        markup = emoji.drawing(code)
        svg = (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{EMOJI_BOX}" height="{EMOJI_BOX}"'
            f' viewBox="0 0 {EMOJI_BOX} {EMOJI_BOX}">{markup}</svg>'
        )
        drawings[code] = (
            _Drawing(Tree(bytestring=svg.encode()), None, DPI).cairo if markup else None
        )
    return drawings[code]


def _draw_emoji(context: cairocffi.Context, use: re.Match, drawings: dict) -> None:
    recording = _recording(use["code"], drawings)
    if recording is None:
        return
    context.save()
    context.translate(float(use["x"]), float(use["y"]))
    context.scale(float(use["size"]) / EMOJI_BOX)
    context.set_source_surface(recording)
    context.paint()
    context.restore()


class _Page(PDFSurface):
    """One SVG drawn as the next page of a shared PDF document (each page has its own size)."""

    def __init__(self, svg: str, document: cairocffi.PDFSurface, width: float | None, drawings):
        self.document = document
        shapes = SYMBOL.sub("", USE.sub("", TEXT.sub("", svg)))
        super().__init__(Tree(bytestring=shapes.encode("utf-8")), None, DPI, output_width=width)
        for use in USE.finditer(svg):
            _draw_emoji(self.context, use, drawings)
        for text in TEXT.finditer(svg):
            _draw_text(self.context, text)
        self.context.show_page()

    def _create_surface(self, width, height):
        self.document.set_size(width, height)
        return self.document, width, height


def pdf_pages(svgs: list[str], *, title: str = "", width: float | None = None) -> bytes:
    """A PDF with one page per SVG document, each page the size of its picture, or scaled to
    `width` (in the SVG's pixels) keeping its proportions."""
    _register_fonts()
    output = io.BytesIO()
    document = cairocffi.PDFSurface(output, 1, 1)
    if title:
        document.set_metadata(cairocffi.PDF_METADATA_TITLE, title)
    document.set_metadata(cairocffi.PDF_METADATA_CREATOR, "Parcours")
    drawings = {}  # each emoji's recording, drawn once per document
    for svg in svgs:
        _Page(svg, document, width, drawings)
    document.finish()
    return output.getvalue()

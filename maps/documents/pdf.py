"""SVG pictures of maps/picture/ as PDF pages: vector shapes, the shipped fonts embedded (as
subsets), text kept as text, so it can be selected, searched and read by `pdftotext`.

CairoSVG draws the SVG with cairo (the system's libcairo, as `bin/system-deps` installs). cairo
finds fonts through fontconfig: the fonts of maps/picture/fonts are added to it once per process,
so the PDF uses the very files the picture is measured with, whatever the machine has. Two
adjustments of the SVG, both for cairo's font selection, which knows only "normal" and "bold":
semibold text names the "Inter Semi Bold" family, and characters Inter lacks (emoji typed in
titles) go in a run of the emoji font, as `picture.raster` does for the PNG.
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

from maps.picture.text import EMOJI_FAMILY, FONT_DIR, has_glyph

SEMIBOLD = re.compile(r' font-weight="600"')
TEXT_CONTENT = re.compile(r"(<text [^>]*>)([^<]*)(</text>)")
# CSS pixels (the SVG's unit) per PDF point.
DPI = 96


@cache
def _register_fonts() -> None:
    library = ctypes.util.find_library("fontconfig") or "libfontconfig.so.1"
    fontconfig = ctypes.CDLL(library)
    fontconfig.FcConfigAppFontAddDir.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    fontconfig.FcConfigAppFontAddDir.restype = ctypes.c_int
    if not fontconfig.FcConfigAppFontAddDir(None, str(FONT_DIR).encode()):
        raise OSError(f"fontconfig could not read the fonts of {FONT_DIR}")


def _emoji_runs(match: re.Match) -> str:
    content = html.unescape(match[2])
    if all(has_glyph(char) for char in content):
        return match[0]
    runs = "".join(
        html.escape(run, quote=False)
        if in_inter
        else f'<tspan font-family="{EMOJI_FAMILY}">{html.escape(run, quote=False)}</tspan>'
        for in_inter, chars in groupby(content, key=has_glyph)
        for run in ["".join(chars)]
    )
    return f"{match[1]}{runs}{match[3]}"


def for_cairo(svg: str) -> str:
    return TEXT_CONTENT.sub(_emoji_runs, SEMIBOLD.sub(' font-family="Inter Semi Bold"', svg))


class _Page(PDFSurface):
    """One SVG drawn as the next page of a shared PDF document (each page has its own size)."""

    def __init__(self, tree: Tree, document: cairocffi.PDFSurface):
        self.document = document
        super().__init__(tree, None, DPI)
        self.context.show_page()

    def _create_surface(self, width, height):
        self.document.set_size(width, height)
        return self.document, width, height


def pdf_pages(svgs: list[str], *, title: str = "") -> bytes:
    """A PDF with one page per SVG document, each page the size of its picture."""
    _register_fonts()
    output = io.BytesIO()
    document = cairocffi.PDFSurface(output, 1, 1)
    if title:
        document.set_metadata(cairocffi.PDF_METADATA_TITLE, title)
    document.set_metadata(cairocffi.PDF_METADATA_CREATOR, "Parcours")
    for svg in svgs:
        _Page(Tree(bytestring=for_cairo(svg).encode("utf-8")), document)
    document.finish()
    return output.getvalue()

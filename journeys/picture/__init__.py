"""Pictures of a journey map, for slide decks: SVG drawn here, PNG rasterised by resvg.

The map is drawn once as SVG (so an SVG export is free) with the Inter font and Twemoji drawings
shipped in this package, and resvg (a native renderer, through the `svg2png-py` binding: no
browser) turns it into pixels with only those fonts: the same picture on every machine, whatever
fonts it has installed. Pillow writes the PNG, with light compression: at 12 megapixels for a
400-card full map, compressing harder costs more time than the few hundred kB it saves.
"""

import io
from dataclasses import dataclass
from functools import cache

import svg2png_py
from django.utils import timezone, translation
from django.utils.text import slugify
from PIL import Image

from journeys.curves import ALL_PERSONAS
from journeys.models import Journey
from journeys.picture.layout import FULL, SIZES, SLIDE, compose
from journeys.picture.scene import UnknownPersona, load_scene
from journeys.picture.text import FAMILY, font_paths

__all__ = ["FORMATS", "FULL", "SIZES", "SLIDE", "Picture", "UnknownPersona", "render_picture"]

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
PNG_COMPRESSION = 1


@dataclass(frozen=True)
class Picture:
    content: bytes
    filename: str
    content_type: str


def render_picture(
    journey: Journey, *, size: str = SLIDE, persona_key: str = "", file_format: str = "png"
) -> Picture:
    """The picture of the map of `persona_key` ("all" compares every persona; empty is the
    journey's first persona), in the journey's own language.

    Raises UnknownPersona for a key not in the journey, ValueError for an unknown size or format.
    """
    if size not in SIZES or file_format not in FORMATS:
        raise ValueError(f"size {size!r} or format {file_format!r}")
    with translation.override(journey.language):
        scene = load_scene(journey, persona_key)
        svg = compose(scene, size)
    content = svg.encode("utf-8") if file_format == "svg" else rasterise(svg)
    who = scene.persona.name if scene.persona else ALL_PERSONAS + "-personas"
    return Picture(content, filename(journey, who, size, file_format), FORMATS[file_format])


@cache
def _fonts() -> svg2png_py.FontDatabase:
    """The shipped fonts and no other, loaded once per process."""
    fonts = svg2png_py.FontDatabase()
    for path in font_paths():
        fonts.load_font_file(path)
    return fonts


def rasterise(svg: str) -> bytes:
    """The PNG of an SVG document, drawn with the shipped fonts only."""
    options = svg2png_py.RenderOptions(font_family=FAMILY)
    pixels, width, height = svg2png_py.svg_to_rgba(
        svg, _fonts(), bg_color=(255, 255, 255, 255), options=options
    )
    # The picture is opaque (a white background): RGB is a quarter less to compress.
    image = Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", 0, 1).convert("RGB")
    output = io.BytesIO()
    image.save(output, format="PNG", compress_level=PNG_COMPRESSION)
    return output.getvalue()


def filename(journey: Journey, who: str, size: str, file_format: str) -> str:
    """`customer-onboarding-claire-2026-11-22-slide.png`: ASCII only, safe in any file system."""
    parts = [slugify(journey.title) or "journey", slugify(who), timezone.localdate().isoformat()]
    return "-".join(part for part in parts if part) + f"-{size}.{file_format}"

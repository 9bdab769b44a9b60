"""Pictures of a journey map, for slide decks.

The map is drawn once as SVG (so an SVG export is free) with the Inter font and Twemoji drawings
shipped in this package; `raster` turns it into PNG without a browser (resvg through the
`svg2png-py` binding, and FreeType through Pillow for the text) with only those fonts: the same
picture on every machine, whatever fonts it has installed.
"""

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.text import slugify

from journeys.models import Journey
from journeys.picture.layout import FULL, SIZES, SLIDE, compose
from journeys.picture.raster import rasterise
from journeys.picture.scene import UnknownPersona, load_scene

__all__ = ["FORMATS", "FULL", "SIZES", "SLIDE", "Picture", "UnknownPersona", "render_picture"]

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}


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
    who = scene.persona.name if scene.persona else "all-personas" if scene.comparing else ""
    return Picture(content, filename(journey, who, size, file_format), FORMATS[file_format])


def filename(journey: Journey, who: str, size: str, file_format: str) -> str:
    """`customer-onboarding-claire-2026-11-22-slide.png`: ASCII only, safe in any file system."""
    parts = [slugify(journey.title) or "journey", slugify(who), timezone.localdate().isoformat()]
    return "-".join(part for part in parts if part) + f"-{size}.{file_format}"

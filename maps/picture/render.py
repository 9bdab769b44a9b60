"""A journey's picture, as a file to download: PNG or SVG, slide or full size (see __init__)."""

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.text import slugify

from journeys.models import Journey
from maps.picture.layout import SIZES, SLIDE, compose
from maps.picture.raster import rasterise
from maps.picture.scene import load_scene

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

"""A journey's picture, as a file to download: PNG or SVG, slide or full size (see __init__)."""

import re
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import limits
from journeys.models import Journey
from maps.picture import grid
from maps.picture.layout import FULL, FULL_COLUMN, LABEL_WIDTH, MARGIN, SIZES, SLIDE, compose
from maps.picture.raster import rasterise
from maps.picture.scene import load_scene

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}


class PictureTooLarge(ValueError):
    """The map is too large to draw: more stages or lanes than a journey may hold (data from
    before the limits), or a full-size PNG of more than limits.PICTURE_MAX_PIXELS."""


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

    Raises UnknownPersona for a key not in the journey, PictureTooLarge (with a message for the
    person) for a map too large to draw, ValueError for an unknown size or format.
    """
    if size not in SIZES or file_format not in FORMATS:
        raise ValueError(f"size {size!r} or format {file_format!r}")
    with translation.override(journey.language):
        scene = load_scene(journey, persona_key)
        _refuse_crowded(scene)
        if size == FULL and file_format == "png":
            # Laying out a crowded map costs seconds of text measurement: a lower bound of
            # its height refuses most pictures past the cap before that.
            _refuse_large(len(scene.stages) * FULL_COLUMN, _lanes_at_least(scene))
        svg = compose(scene, size)
    if file_format == "png":
        # The SVG's size is known before a pixel is drawn: a picture beyond the cap would cost
        # seconds and hundreds of megabytes, so it is refused instead.
        _refuse_large(*svg_size(svg))
    content = svg.encode("utf-8") if file_format == "svg" else rasterise(svg)
    who = scene.persona.name if scene.persona else "all-personas" if scene.comparing else ""
    return Picture(content, filename(journey, who, size, file_format), FORMATS[file_format])


def filename(journey: Journey, who: str, size: str, file_format: str) -> str:
    """`customer-onboarding-claire-2026-11-22-slide.png`: ASCII only, safe in any file system."""
    parts = [slugify(journey.title) or "journey", slugify(who), timezone.localdate().isoformat()]
    return "-".join(part for part in parts if part) + f"-{size}.{file_format}"


def svg_size(svg: str) -> tuple[int, int]:
    """The width and height that `canvas.document` wrote at the start of the SVG."""
    match = SVG_SIZE.match(svg)
    return int(match["width"]), int(match["height"])


SVG_SIZE = re.compile(r'<svg xmlns="[^"]*" width="(?P<width>\d+)" height="(?P<height>\d+)"')


def _refuse_crowded(scene) -> None:
    if len(scene.stages) > limits.STAGES_PER_JOURNEY or len(scene.lanes) > (
        limits.CHANNELS_PER_JOURNEY
    ):
        raise PictureTooLarge(
            _(
                "This journey has more stages or channels than a picture can show (at most "
                "%(stages)d stages and %(channels)d channels). Delete some to export it."
            )
            % {"stages": limits.STAGES_PER_JOURNEY, "channels": limits.CHANNELS_PER_JOURNEY}
        )


def _lanes_at_least(scene) -> int:
    """Less than the lanes' height in a full picture: each lane as tall as its fullest cell's
    cards would be if every one were a compact card, which no full card is smaller than."""
    card = grid.COMPACT.height + grid.CARD_GAP
    return sum(
        max((len(cell.touchpoints) for cell in lane.cells), default=0) * card
        for lane in scene.lanes
    )


def _refuse_large(width: int, height: int) -> None:
    width = max(width, 2 * MARGIN + LABEL_WIDTH)
    if width * height > limits.PICTURE_MAX_PIXELS:
        raise PictureTooLarge(
            _(
                "The full map would be more than %(limit)d million pixels (%(width)d × "
                "%(height)d at least). Export the slide size or the SVG."
            )
            % {"limit": limits.PICTURE_MAX_PIXELS // 1_000_000, "width": width, "height": height}
        )

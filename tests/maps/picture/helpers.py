"""Helpers of the picture export tests: its URL, and what a drawn PNG looks like."""

import io

from django.urls import reverse
from PIL import Image


def picture_url(journey, fmt: str = "png", **query) -> str:
    url = reverse("journeys:export", args=[journey.workspace.slug, journey.pk, fmt])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def open_png(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    assert image.format == "PNG"
    image.load()  # reads every byte: a truncated file fails here
    return image


def assert_drawn(image: Image.Image) -> None:
    """Not a blank page: many colours (cards, emoji, curve, text) and plenty of ink."""
    small = image.convert("RGB").resize((image.width // 4, image.height // 4))
    colours = small.getcolors(maxcolors=1 << 20)
    assert len(colours) > 200
    white = next((count for count, colour in colours if colour == (255, 255, 255)), 0)
    assert white < 0.9 * small.width * small.height

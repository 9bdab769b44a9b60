"""A journey's document as a file to download or write: PowerPoint, or PDF (the journey report,
or with the full size the full map alone)."""

from django.utils import timezone
from django.utils.text import slugify

from journeys.models import Journey
from maps.curves import ALL_PERSONAS
from maps.picture.layout import FULL
from maps.picture.render import Picture
from maps.picture.scene import UnknownPersona

FORMATS = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


def render_document(
    journey: Journey, file_format: str, *, size: str = "", persona_key: str = ""
) -> Picture:
    """The deck or PDF of the persona keyed `persona_key`, or of every persona when empty.

    Raises UnknownPersona for a key not in the journey; ValueError for an unknown format.
    """
    if file_format not in FORMATS:
        raise ValueError(f"format {file_format!r}")
    keys = set(journey.journey_personas.values_list("key", flat=True))
    full_map = file_format == "pdf" and size == FULL
    if persona_key and persona_key not in keys and not (full_map and persona_key == ALL_PERSONAS):
        raise UnknownPersona(persona_key)
    # Imported here: python-pptx and CairoSVG take a third of a second to load, which every web
    # process and every other export command would pay at start without using them.
    from maps.documents import report, slides  # noqa: PLC0415

    if file_format == "pptx":
        content, kind = slides.deck(journey, persona_key or None), ""
    elif full_map:
        content, kind = report.map_pdf(journey, persona_key), "full"
    else:
        content, kind = report.report_pdf(journey, persona_key or None), "report"
    parts = [slugify(journey.title) or "journey", slugify(persona_key), kind]
    parts.append(timezone.localdate().isoformat())
    name = "-".join(part for part in parts if part) + f".{file_format}"
    return Picture(content, name, FORMATS[file_format])

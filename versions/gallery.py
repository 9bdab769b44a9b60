"""The template gallery: journeys to start from, shipped with the app (`templates_gallery/`,
one journey file per template and language) or saved by a workspace (`JourneyTemplate`).

A template is a journey file; starting from one imports it as a new journey
(`maps.interchange.importing`), so a template is only ever as valid as any file.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from maps.picture.canvas import EMOTION_COLOURS
from versions.models import JourneyTemplate, document_bytes

GALLERY_DIR = Path(__file__).resolve().parent / "templates_gallery"


@dataclass(frozen=True, eq=False)
class GalleryEntry:
    """A template as the gallery shows it: a built-in one (`slug` is its file's name) or one
    of the workspace's own (`saved` is the model)."""

    slug: str
    document: dict
    saved: JourneyTemplate | None = None

    @property
    def title(self) -> str:
        return self.document["journey"]["title"]

    @property
    def description(self) -> str:
        return self.document["journey"]["description"]

    @property
    def language(self) -> str:
        return self.document["language"]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "stages": len(self.document["stages"]),
            "personas": len(self.document["personas"]),
            "touchpoints": len(self.document["touchpoints"]),
            "frictions": len(self.document["frictions"]),
        }

    def file_bytes(self) -> bytes:
        return document_bytes(self.document)

    def preview(self) -> SafeString:
        return preview_svg(self.document)


@cache
def builtin() -> tuple[GalleryEntry, ...]:
    """The shipped templates, read once per process, in file name order."""
    return tuple(
        GalleryEntry(path.stem, json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(GALLERY_DIR.glob("*.json"))
    )


def find_builtin(slug: str) -> GalleryEntry | None:
    return next((entry for entry in builtin() if entry.slug == slug), None)


def saved_entries(workspace) -> list[GalleryEntry]:
    return [
        GalleryEntry(f"saved-{template.pk}", template.document(), template)
        for template in JourneyTemplate.objects.filter(workspace=workspace)
    ]


def save_as_template(journey, document: dict, user=None) -> JourneyTemplate:
    template = JourneyTemplate(
        workspace=journey.workspace,
        title=journey.title,
        description=journey.description,
        language=journey.language,
        created_by=user,
    )
    template.set_document(document)
    template.save()
    return template


CELL, GAP = 14, 3


def preview_svg(document: dict) -> SafeString:
    """A thumbnail of the map: stages as columns, channels as rows, each cell tinted by the
    average emotion of its cards (every persona's), a dot per card up to three."""
    stages = [entry["key"] for entry in document["stages"]][:10]
    channels = [entry["key"] for entry in document["channels"]][:8]
    cells: dict[tuple[str, str], list[int]] = {}
    for card in document["touchpoints"]:
        cells.setdefault((card["stage"], card["channel"]), []).append(card["emotion"])
    width = len(stages) * (CELL + GAP) * 2
    height = len(channels) * (CELL + GAP)
    rects = []
    for row, channel in enumerate(channels):
        for column, stage in enumerate(stages):
            emotions = cells.get((stage, channel), [])
            x, y = column * (CELL + GAP) * 2, row * (CELL + GAP)
            fill = (
                EMOTION_COLOURS[round(sum(emotions) / len(emotions))][0] if emotions else "#f5f6f8"
            )
            rects.append((x, y, CELL * 2 + GAP, fill))
            for n in range(min(len(emotions), 3)):
                rects.append((x + 4 + n * 8, y + 5, 4, EMOTION_COLOURS[emotions[n]][1]))
    shapes = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}"/>',
        ((x, y, w, CELL if w > 4 else 4, fill) for x, y, w, fill in rects),
    )
    return format_html(
        '<svg class="template-preview" viewBox="0 0 {} {}" role="img" aria-hidden="true"'
        ' focusable="false">{}</svg>',
        max(width - GAP, 1),
        max(height - GAP, 1),
        shapes,
    )

"""Helpers of the sharing tests: a link made as an editor would, and the text of documents."""

import subprocess
from datetime import timedelta

from django.utils import timezone
from pptx import Presentation

from sharing.models import ShareLink


def make_link(journey, user=None, **options) -> tuple[ShareLink, str]:
    link, token = ShareLink.create_for(journey, user, **options)
    return link, ShareLink.path(token)


def expire(link: ShareLink) -> None:
    ShareLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(minutes=1))


def pptx_texts(path) -> list[str]:
    """Every piece of text of a deck: text boxes and the cells of tables."""
    texts = []
    for slide in Presentation(path).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return texts


def pdf_text(path) -> str:
    """The PDF's text as poppler reads it: what a reader can select and search."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_fonts(path) -> str:
    return subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout

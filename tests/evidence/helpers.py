"""Helpers of the evidence tests: the demo journey the shared evidence files were written for,
and evidence files written as exports write them (CSV with either separator, XLSX)."""

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from maps.interchange.importing import import_journey
from tests.maps.helpers import DEMO_FILE, ROOT

# Survey and analytics exports written outside the team for the journey fr-mode-en-ligne, in
# ../shared/fixtures/evidence beside this clone (when it is there).
SHARED_EVIDENCE = ROOT.parent / "shared" / "fixtures" / "evidence"
needs_shared = pytest.mark.skipif(
    not SHARED_EVIDENCE.is_dir(), reason="../shared/fixtures/evidence is not beside this clone"
)


def fashion_journey(workspace):
    """The French demo journey "Acheter une veste en ligne" (stages Prise de conscience…)."""
    return import_journey(workspace, Path(DEMO_FILE).read_bytes())


def csv_bytes(rows: list[list], *, separator: str = ",", bom: bool = False) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode()


def xlsx_bytes(rows: list[list], *, percent_column: int | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if percent_column is not None:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=percent_column, max_col=percent_column):
            cell.number_format = "0.0%"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


FRENCH_METRICS = [
    ["Étape", "Point de contact", "Indicateur", "Valeur", "Unité", "Période", "Cible", "Source"],
    ["considération", "fiche produit", "Taux de rebond", "41,5", "%", "2026-08", "35", "GA4"],
    ["CONSIDERATION", "Fiche produit", "Taux de rebond", "39", "%", "2026-09", "35", "GA4"],
    ["Achat", "", "CSAT", "3,4", "/5", "2026-Q3", "4", "Enquête"],
]
ENGLISH_QUOTES = [
    ["stage", "touchpoint", "quote", "date", "sentiment", "source", "segment"],
    ["purchase", "t7", "Payment failed twice.", "14/09/2026", "-2", "Survey", "Mobile"],
    ["Achat", "Panier", "Shipping costs came too late.", "2026-09-03", "negative", "Survey", ""],
    ["loyalty", "", "I didn't know about my points.", "2026-09-30", "", "NPS", ""],
]

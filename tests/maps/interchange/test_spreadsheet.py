import csv
import io
from datetime import date

import pytest
from django.utils import translation

from evidence.models import Metric, Verbatim
from maps.interchange.exporting import export_journey
from maps.interchange.importing import import_journey
from maps.spreadsheet import journey_csv
from tests.maps.helpers import DEMO_DIR, encode

pytestmark = pytest.mark.django_db

ENGLISH_HEADER = [
    "Persona",
    "Stage",
    "Channel",
    "Position in cell",
    "Title",
    "Description",
    "Emotion",
    "Emotion (word)",
    "Owner team",
    "Friction count",
    "Friction notes",
    "Metrics",
    "Customer quotes",
]
FRENCH_HEADER = [
    "Persona",
    "Étape",
    "Canal",
    "Position dans la cellule",
    "Titre",
    "Description",
    "Émotion",
    "Émotion (libellé)",
    "Équipe responsable",
    "Nombre de frictions",
    "Notes de friction",
    "Indicateurs",
    "Verbatims clients",
]


def _rows(data: bytes, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_english_journey_is_comma_separated_utf8_with_a_bom(workspace):
    journey = import_journey(workspace, (DEMO_DIR / "en-saas-onboarding.json").read_bytes())

    data = journey_csv(journey)

    assert data.startswith("\ufeff".encode())
    assert b"\r\n" in data
    assert _rows(data, ",")[0] == ENGLISH_HEADER


def test_one_row_per_touchpoint_in_the_files_order(workspace, document):
    journey = import_journey(workspace, encode(document))

    header, *rows = _rows(journey_csv(journey), ";")

    assert [row[4] for row in rows] == [t["title"] for t in export_journey(journey)["touchpoints"]]
    assert dict(zip(header, rows[0], strict=True)) == {
        "Persona": "Julie Roussel",
        "Étape": "Prise de conscience",
        "Canal": "Site web",
        "Position dans la cellule": "1",
        "Titre": "Tutoriel vidéo",
        "Description": "Regarde un tutoriel pour poser une étagère murale.",
        "Émotion": "1",
        "Émotion (libellé)": "Satisfait",
        "Équipe responsable": "Contenus",
        "Nombre de frictions": "0",
        "Notes de friction": "",
        "Indicateurs": "",
        "Verbatims clients": "",
    }


def test_position_in_cell_counts_the_cards_of_each_cell(workspace):
    journey = import_journey(workspace, (DEMO_DIR / "fr-mode-en-ligne.json").read_bytes())

    rows = _rows(journey_csv(journey), ";")[1:]

    assert [row[3] for row in rows[:3]] == ["1", "2", "1"]


def test_friction_notes_are_in_their_touchpoints_row(workspace, document):
    document["frictions"].append(
        {
            "touchpoint": "karim10",
            "title": "Quantités plafonnées",
            "description": "",
            "severity": "low",
            "status": "resolved",
            "comments": [],
        }
    )
    journey = import_journey(workspace, encode(document))

    rows = {row[4]: row for row in _rows(journey_csv(journey), ";")[1:]}

    stock = rows["Disponibilité en stock"]
    assert stock[9] == "2"
    assert stock[10].split("\n") == [
        "[Critique · En cours] Stock affiché non fiable — "
        "Le stock en ligne est mis à jour une fois par nuit.",
        "[Faible · Résolue] Quantités plafonnées",
    ]
    assert rows["Tutoriel vidéo"][9] == "0"


def test_french_journey_has_french_headers_and_semicolons(workspace, document):
    journey = import_journey(workspace, encode(document))

    with translation.override("en"):
        header, *rows = _rows(journey_csv(journey), ";")

    assert header == FRENCH_HEADER
    assert {row[7] for row in rows if row[6] == "-2"} == {"Frustré"}
    assert all(len(row) == len(FRENCH_HEADER) for row in rows)


def test_delimiters_and_line_breaks_inside_cells_are_quoted(workspace, document):
    document["touchpoints"][0]["title"] = 'Vidéo; "pas à pas"'
    document["touchpoints"][0]["description"] = "Première ligne\nSeconde ligne"
    journey = import_journey(workspace, encode(document))

    row = _rows(journey_csv(journey), ";")[1]

    assert row[4:6] == ['Vidéo; "pas à pas"', "Première ligne\nSeconde ligne"]


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_defused(workspace, document):
    document["touchpoints"][0]["title"] = '=HYPERLINK("http://evil.example","clic")'
    journey = import_journey(workspace, encode(document))

    row = _rows(journey_csv(journey), ";")[1]

    assert row[4] == '\'=HYPERLINK("http://evil.example","clic")'
    assert row[6] == "1"


def test_evidence_is_in_the_csv_beside_its_card_and_on_rows_of_its_stage(workspace):
    journey = import_journey(workspace, (DEMO_DIR / "fr-mode-en-ligne.json").read_bytes())
    card = journey.touchpoints.get(title="Paiement")
    stage = journey.stages.get(key="loyalty")
    Metric.objects.create(
        journey=journey,
        touchpoint=card,
        kind="conversion",
        name="Taux de conversion",
        value=2.1,
        unit="%",
        period="2026-09",
        period_start=date(2026, 9, 1),
        period_end=date(2026, 9, 30),
        target=3,
        source="Analytics",
    )
    Verbatim.objects.create(journey=journey, stage=stage, text="Points ?", source="NPS")

    header, *rows = _rows(journey_csv(journey), ";")

    paiement = next(row for row in rows if row[4] == "Paiement")
    assert paiement[11] == "Taux de conversion: 2,1% (2026-09, Analytics; cible 3%, cible manquée)"
    assert rows[-1][1] == "Fidélisation"
    assert rows[-1][12] == "“Points ?” — NPS"

"""Importing evidence: matching rows to stages and cards, every refusal with its line and
column, nothing written when a row is wrong, and nothing twice when a file comes back."""

import pytest

from evidence.columns import guess_mapping
from evidence.importing import plan_import
from evidence.models import Metric, MetricKind, Verbatim
from evidence.reading import read_table
from journeys.models import Activity
from tests.evidence.helpers import (
    ENGLISH_QUOTES,
    FRENCH_METRICS,
    SHARED_EVIDENCE,
    csv_bytes,
    fashion_journey,
    needs_shared,
    xlsx_bytes,
)
from tests.factories import JourneyPersonaFactory, TouchpointFactory


def plan_of(journey, data: bytes, filename="file.csv", mapping=None):
    table = read_table(data, filename)
    return plan_import(journey, table, mapping or guess_mapping(table.headers))


def problems(journey, rows: list[list]) -> list[str]:
    return [str(problem) for problem in plan_of(journey, csv_bytes(rows)).problems]


@pytest.fixture
def fashion(workspace):
    return fashion_journey(workspace)


@needs_shared
def test_the_shared_exports_import_11_metrics_and_6_verbatims_then_nothing(fashion):
    for name, expected in [
        ("fr-mode-en-ligne-indicateurs.csv", (11, 0)),
        ("fr-mode-en-ligne-verbatims.csv", (0, 6)),
    ]:
        data = (SHARED_EVIDENCE / name).read_bytes()
        plan = plan_of(fashion, data, name)
        assert not plan.problems
        assert plan.apply() == expected
    for name in ("fr-mode-en-ligne-indicateurs.csv", "fr-mode-en-ligne-verbatims.csv"):
        again = plan_of(fashion, (SHARED_EVIDENCE / name).read_bytes(), name)
        assert again.apply() == (0, 0)
        assert again.known in (11, 6)
    assert Metric.objects.filter(journey=fashion).count() == 11
    assert Verbatim.objects.filter(journey=fashion).count() == 6
    visitors = Metric.objects.get(journey=fashion, name="Visiteurs uniques")
    assert (visitors.value, visitors.unit, visitors.stage.name) == (
        48200,
        "visites",
        "Prise de conscience",
    )
    abandon = Metric.objects.get(journey=fashion, name="Taux d'abandon")
    assert (abandon.kind, abandon.value, abandon.target, abandon.touchpoint.title) == (
        MetricKind.DROP_OFF,
        68,
        55,
        "Panier",
    )


def test_rows_match_stages_and_cards_by_name_or_key_whatever_case_and_accents(fashion):
    plan = plan_of(fashion, csv_bytes(FRENCH_METRICS, separator=";", bom=True))
    assert not plan.problems
    assert [(m.touchpoint.title if m.touchpoint else m.stage.name) for m in plan.metrics] == [
        "Fiche produit",
        "Fiche produit",
        "Achat",
    ]
    assert [m.value for m in plan.metrics] == [41.5, 39, 3.4]
    quotes = plan_of(fashion, csv_bytes(ENGLISH_QUOTES))
    assert not quotes.problems
    assert [q.touchpoint.title if q.touchpoint else q.stage.name for q in quotes.verbatims] == [
        "Paiement",
        "Panier",
        "Fidélisation",
    ]
    assert [q.sentiment for q in quotes.verbatims] == [-2, -1, None]


def test_a_persona_is_named_by_its_name_or_key_and_chooses_among_alike_cards(workspace, fashion):
    lea = fashion.journey_personas.get()
    other = JourneyPersonaFactory(journey=fashion, key="sam", persona__name="Sam")
    stage = fashion.stages.get(key="purchase")
    TouchpointFactory(journey=fashion, persona=other.persona, stage=stage, title="Panier")
    rows = [["stage", "touchpoint", "persona", "quote"], ["Achat", "Panier", "", "Too dear."]]
    assert problems(fashion, rows) == [
        "line 2, column “touchpoint”: several cards are called “Panier” at the stage “Achat”: "
        "name the persona, or use the card's key."
    ]
    for persona in (lea.persona.name, lea.key, "LÉA MARTIN"):
        rows[1][2] = persona
        plan = plan_of(fashion, csv_bytes(rows))
        assert not plan.problems, persona
        assert plan.verbatims[0].touchpoint.persona_id == lea.persona_id
    rows[1][2] = "sam"
    assert plan_of(fashion, csv_bytes(rows)).verbatims[0].persona_id == other.persona_id


def test_a_mapping_changed_by_hand_is_used(fashion):
    rows = [["Moment", "Ce que dit le client"], ["Achat", "Trop cher."]]
    table = read_table(csv_bytes(rows), "q.csv")
    guessed = guess_mapping(table.headers)
    assert guessed["stage"] is None
    plan = plan_import(fashion, table, {**guessed, "stage": 0, "quote": 1})
    assert not plan.problems
    assert plan.verbatims[0].text == "Trop cher."


def test_every_refusal_names_its_line_and_column(fashion):
    rows = [
        ["stage", "touchpoint", "metric", "value", "period", "quote", "date", "sentiment"],
        ["Nowhere", "", "NPS", "12", "2026-Q3", "", "", ""],
        ["Achat", "Checkout", "NPS", "12", "2026-Q3", "", "", ""],
        ["Achat", "", "NPS", "douze", "2026-Q3", "", "", ""],
        ["Achat", "", "", "", "", "", "", ""],
        ["Achat", "", "", "", "", "Bien.", "32/13/2026", ""],
        ["Achat", "", "NPS", "12", "next year", "", "", ""],
        ["Achat", "", "", "", "", "Bien.", "", "7"],
        ["Achat", "", "NPS", "", "2026-Q3", "", "", ""],
        ["", "", "NPS", "12", "2026-Q3", "", "", ""],
    ]
    assert problems(fashion, rows) == [
        "line 2, column “stage”: no stage “Nowhere” in this journey.",
        "line 3, column “touchpoint”: no card “Checkout” at the stage “Achat”.",
        "line 4, column “value”: “douze” is not a number.",
        "line 5, column “quote”: the quote is empty, and the row gives no metric either.",
        "line 6, column “date”: “32/13/2026” is not a date: write 2026-09-14 or 14/09/2026.",
        "line 7, column “period”: “next year” is not a period: write a month (2026-07), a "
        "quarter (2026-Q3) or a range of dates (2026-07-01/2026-09-30).",
        "line 8, column “sentiment”: “7” is not a sentiment from -2 to +2.",
        "line 9, column “value”: the metric “NPS” has no value.",
        "line 10, column “stage”: the stage is empty.",
    ]


def test_a_row_with_several_problems_reports_each_one(fashion):
    rows = [
        ["stage", "metric", "value", "period", "target", "quote", "date", "sentiment"],
        ["Achat", "NPS", "douze", "someday", "haut", "", "", ""],
        ["Nowhere", "", "", "", "", "Bien.", "32/13/2026", "7"],
    ]
    assert problems(fashion, rows) == [
        "line 2, column “value”: “douze” is not a number.",
        "line 2, column “period”: “someday” is not a period: write a month (2026-07), a "
        "quarter (2026-Q3) or a range of dates (2026-07-01/2026-09-30).",
        "line 2, column “target”: “haut” is not a number.",
        "line 3, column “stage”: no stage “Nowhere” in this journey.",
        "line 3, column “date”: “32/13/2026” is not a date: write 2026-09-14 or 14/09/2026.",
        "line 3, column “sentiment”: “7” is not a sentiment from -2 to +2.",
    ]


def test_a_file_without_the_columns_it_needs_is_refused(fashion):
    assert problems(fashion, [["étape", "remarque"], ["Achat", "x"]]) == [
        "line 1: no column gives a metric and its value (“metric”, “value”) or a quote (“quote”)."
    ]
    assert problems(fashion, [["quote"], ["x"]]) == [
        "line 1: no column gives the stage (“stage” or “étape”)."
    ]


def test_a_file_with_a_wrong_row_writes_nothing(fashion):
    rows = [*ENGLISH_QUOTES, ["Nowhere", "", "Lost.", "", "", "", ""]]
    plan = plan_of(fashion, csv_bytes(rows))
    assert len(plan.problems) == 1
    assert len(plan.verbatims) == 3
    assert not Verbatim.objects.exists()


def test_reimport_creates_nothing_twice_even_from_xlsx_after_csv(fashion):
    first = plan_of(fashion, csv_bytes(FRENCH_METRICS, separator=";"))
    assert first.apply() == (3, 0)
    again = plan_of(fashion, xlsx_bytes(FRENCH_METRICS), "same.xlsx")
    assert not again.problems
    assert again.apply() == (0, 0)
    assert again.known == 3
    # A new period of the same figure is new evidence.
    newer = [FRENCH_METRICS[0], ["Achat", "", "CSAT", "3,6", "/5", "2026-Q4", "4", "Enquête"]]
    assert plan_of(fashion, csv_bytes(newer)).apply() == (1, 0)


def test_an_import_is_in_the_activity_feed(fashion, editor):
    plan_of(fashion, csv_bytes(ENGLISH_QUOTES), "quotes.csv").apply(editor, "quotes.csv")
    entry = Activity.objects.filter(journey=fashion).first()
    assert (entry.actor, entry.verb, entry.object_type, entry.object_label) == (
        editor,
        "imported",
        "evidence",
        "quotes.csv",
    )


def test_scores_with_their_scale_and_cards_named_without_their_stage(fashion):
    rows = [
        ["Point de contact", "Indicateur", "Valeur (note)", "Période"],
        ["t4", "Satisfaction", "4,1/5", "T3 2026"],
        ["Avis clients", "Satisfaction", "4,3 / 5", "09/2026"],
    ]
    plan = plan_of(fashion, csv_bytes(rows, separator=";"))
    assert not plan.problems
    assert [(m.value, m.unit, m.period) for m in plan.metrics] == [
        (4.1, "/5", "2026-Q3"),
        (4.3, "/5", "2026-09"),
    ]
    assert {m.touchpoint.title for m in plan.metrics} == {"Avis clients"}

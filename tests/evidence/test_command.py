"""`manage.py import_evidence JOURNEY_ID FILE`: its exact contract."""

from io import StringIO

import pytest
from django.core.management import call_command

from evidence.models import Metric, Verbatim
from tests.commands import run_command
from tests.evidence.helpers import (
    ENGLISH_QUOTES,
    FRENCH_METRICS,
    SHARED_EVIDENCE,
    csv_bytes,
    fashion_journey,
    needs_shared,
    xlsx_bytes,
)


@pytest.fixture
def fashion(workspace):
    return fashion_journey(workspace)


@needs_shared
def test_the_shared_exports_then_again(fashion):
    metrics = SHARED_EVIDENCE / "fr-mode-en-ligne-indicateurs.csv"
    quotes = SHARED_EVIDENCE / "fr-mode-en-ligne-verbatims.csv"
    assert run_command("import_evidence", fashion.pk, metrics) == (
        "imported 11 metrics, 0 verbatims\n",
        "",
    )
    assert run_command("import_evidence", fashion.pk, quotes)[0] == (
        "imported 0 metrics, 6 verbatims\n"
    )
    assert run_command("import_evidence", fashion.pk, metrics)[0] == (
        "imported 0 metrics, 0 verbatims\n"
    )


def test_an_xlsx_file_mixing_metrics_and_quotes(fashion, tmp_path):
    rows = [
        ["stage", "touchpoint", "metric", "value", "unit", "period", "quote", "date", "source"],
        ["purchase", "Paiement", "Conversion rate", 2.1, "%", "2026-09", None, None, "GA4"],
        ["Achat", "", None, None, None, None, "Too slow.", "2026-09-02", "Survey"],
    ]
    path = tmp_path / "mixed.xlsx"
    path.write_bytes(xlsx_bytes(rows))
    assert run_command("import_evidence", fashion.pk, path)[0] == (
        "imported 1 metrics, 1 verbatims\n"
    )


def test_a_bad_file_prints_one_line_per_problem_exits_1_and_writes_nothing(fashion, tmp_path):
    rows = [
        FRENCH_METRICS[0],
        FRENCH_METRICS[1],
        ["Nulle part", "", "NPS", "12", "", "2026-Q3", "", ""],
        ["Achat", "", "NPS", "beaucoup", "", "2026-Q3", "", ""],
    ]
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes(rows, separator=";"))
    with pytest.raises(SystemExit) as exit_:
        run_command("import_evidence", fashion.pk, path)
    assert exit_.value.code == 1
    assert not Metric.objects.exists()


def test_the_problem_lines_name_row_and_column(fashion, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([*ENGLISH_QUOTES, ["purchase", "", "", "", "", "", ""]]))
    stderr = StringIO()
    with pytest.raises(SystemExit):
        call_command("import_evidence", fashion.pk, path, stdout=StringIO(), stderr=stderr)
    assert stderr.getvalue() == (
        "line 5, column “quote”: the quote is empty, and the row gives no metric either.\n"
    )
    assert not Verbatim.objects.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "line 1: the file is empty.\n"),
        (b"%PDF-1.4\x00\x00", "line 1: this is not a CSV or XLSX file.\n"),
        (
            b"stage,quote,Quote\nAchat,a,b\n",
            "line 1, column “Quote”: this column is named twice.\n",
        ),
    ],
)
def test_unreadable_files_are_refused_the_same_way(fashion, tmp_path, content, expected):
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    stderr = StringIO()
    with pytest.raises(SystemExit):
        call_command("import_evidence", fashion.pk, path, stdout=StringIO(), stderr=stderr)
    assert stderr.getvalue() == expected

"""Reading an evidence file as a table, and refusing what cannot be one."""

import pytest

from evidence import reading
from evidence.columns import guess_mapping
from evidence.problems import InvalidEvidenceFile
from evidence.reading import read_table
from tests.evidence.helpers import ENGLISH_QUOTES, FRENCH_METRICS, csv_bytes, xlsx_bytes


def refusal(data: bytes, filename: str = "file.csv") -> list[str]:
    with pytest.raises(InvalidEvidenceFile) as refused:
        read_table(data, filename)
    return [str(problem) for problem in refused.value.problems]


@pytest.mark.parametrize("separator", [";", ",", "\t"])
@pytest.mark.parametrize("bom", [True, False])
def test_csv_with_either_separator_and_with_or_without_bom(separator, bom):
    table = read_table(csv_bytes(FRENCH_METRICS, separator=separator, bom=bom), "export.csv")
    assert table.headers[0] == "Étape"
    assert [row.line for row in table.rows] == [2, 3, 4]
    assert table.rows[0].cells[3] == "41,5"


def test_a_quoted_line_break_keeps_the_spreadsheet_line_numbers():
    rows = [["stage", "quote"], ["Achat", "first line\nsecond line"], ["Achat", "next"]]
    table = read_table(csv_bytes(rows), "quotes.csv")
    assert [row.line for row in table.rows] == [2, 3]


def test_xlsx_first_sheet_with_dates_numbers_and_percentages():
    rows = [
        ["stage", "metric", "value", "period", "date"],
        ["Achat", "Taux d'abandon", 0.68, "2026-09", None],
    ]
    table = read_table(xlsx_bytes(rows, percent_column=3), "export.xlsx")
    assert table.separator == ""
    assert table.rows[0].cells[:4] == ["Achat", "Taux d'abandon", "68%", "2026-09"]


def test_headers_are_guessed_in_english_and_french_whatever_case_and_accents():
    french = guess_mapping(FRENCH_METRICS[0])
    assert french["stage"] == 0
    assert french["touchpoint"] == 1
    assert french["metric"] == 2
    assert french["value"] == 3
    assert french["unit"] == 4
    assert french["period"] == 5
    assert french["target"] == 6
    assert french["source"] == 7
    assert french["quote"] is None
    english = guess_mapping(ENGLISH_QUOTES[0])
    assert (english["quote"], english["date"], english["sentiment"]) == (2, 3, 4)
    assert guess_mapping(["ÉTAPE", "Verbatim"]) == {**guess_mapping([]), "stage": 0, "quote": 1}


def test_an_empty_file_is_refused():
    assert refusal(b"") == ["line 1: the file is empty."]
    assert refusal(b"\xef\xbb\xbf\r\n ; \r\n") == ["line 1: the file is empty."]


def test_a_header_without_rows_is_refused():
    assert refusal(b"stage,metric,value\r\n") == [
        "line 1: the file has a header but no row under it."
    ]


def test_a_duplicate_header_is_refused_naming_its_column():
    assert refusal(csv_bytes([["stage", "Valeur", "valeur"], ["Achat", "1", "2"]])) == [
        "line 1, column “valeur”: this column is named twice."
    ]


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"%PDF-1.7\x00\x00binary", "report.pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "chart.png"),
        (b"not really a workbook", "export.xlsx"),
        (b"PK\x03\x04 a zip that is not a workbook", "export.xlsx"),
        ("étape;valeur\nAchat;1".encode("latin-1"), "latin1.csv"),
    ],
)
def test_a_file_of_another_type_is_refused(data, filename):
    [problem] = refusal(data, filename)
    assert "not a CSV or XLSX file" in problem


def test_a_file_over_10_mb_is_refused(monkeypatch):
    monkeypatch.setattr(reading, "MAX_BYTES", 100)
    [problem] = refusal(b"stage,quote\n" + b"Achat,x\n" * 20)
    assert "larger than" in problem


def test_a_file_over_50000_rows_is_refused(monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    [problem] = refusal(b"stage,quote\n" + b"Achat,x\n" * 4)
    assert "more than 3 rows" in problem

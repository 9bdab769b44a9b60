"""Reading an evidence file's bytes as a table: CSV (UTF-8 with or without a byte-order mark,
columns split by `;`, `,` or tabs) or XLSX (its first sheet, through openpyxl).

Every value comes back as text, as a person sees it in the spreadsheet, with the line number a
spreadsheet shows (the header is line 1); values are read in evidence/values.py.
"""

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from evidence.columns import duplicate_headers
from evidence.problems import InvalidEvidenceFile, Problem

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
XLSX_MAGIC = b"PK\x03\x04"
SEPARATORS = ";,\t"
TEXT_EXTENSIONS = {"csv", "txt", "tsv"}
XLSX_EXTENSIONS = {"xlsx", "xlsm"}


@dataclass
class Row:
    line: int
    cells: list[str]


@dataclass
class Table:
    headers: list[str]
    rows: list[Row]
    separator: str  # "," ";" or tab for a CSV, "" for a spreadsheet

    @property
    def comma_is_decimal(self) -> bool:
        """In a file split by commas, "48,200" is forty-eight thousand; elsewhere 48.2."""
        return self.separator != ","


def _refuse(message: str, line: int = 1, column: str = "") -> InvalidEvidenceFile:
    return InvalidEvidenceFile([Problem(line, column, message)])


def read_table(data: bytes, filename: str = "") -> Table:
    """The file as a table, or InvalidEvidenceFile saying why it cannot be one."""
    if len(data) > MAX_BYTES:
        raise _refuse(
            _("the file is larger than %(limit)s, the most an evidence file may hold.")
            % {"limit": filesizeformat(MAX_BYTES)}
        )
    extension = filename.lower().rpartition(".")[2] if "." in filename else ""
    if extension and extension not in TEXT_EXTENSIONS | XLSX_EXTENSIONS:
        raise _refuse(_("this is not a CSV or XLSX file."))
    if data.startswith(XLSX_MAGIC):
        lines = _xlsx_lines(data)
        separator = ""
    elif extension in XLSX_EXTENSIONS or b"\x00" in data[:4096]:
        raise _refuse(_("this is not a CSV or XLSX file."))
    else:
        lines, separator = _csv_lines(data)
    return _table(lines, separator)


def _csv_lines(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refuse(
            _("this is not a CSV or XLSX file: byte %(offset)d is not UTF-8 text.")
            % {"offset": error.start}
        ) from None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    separator = max(SEPARATORS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        return list(_numbered(reader)), separator
    except csv.Error as error:
        raise _refuse(_("the CSV cannot be read: %(reason)s") % {"reason": error}) from None


def _numbered(reader):
    # A quoted value may hold line breaks, so the spreadsheet's line is the reader's count of
    # records, not of the text's lines.
    for number, cells in enumerate(reader, start=1):
        if number > MAX_ROWS + 1:
            raise _refuse(
                _("the file has more than %(limit)s rows, the most one import may hold.")
                % {"limit": f"{MAX_ROWS:,}"},
                line=number,
            )
        yield number, cells


def _xlsx_lines(data: bytes):
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise _refuse(_("this is not a CSV or XLSX file.")) from None
    try:
        sheet = workbook.worksheets[0]
        rows = ([_cell_text(cell) for cell in row] for row in sheet.iter_rows())
        return list(_numbered(rows))
    finally:
        workbook.close()


def _cell_text(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        # A cell shown as a percentage holds the fraction: 68 % is 0.68.
        if "%" in (getattr(cell, "number_format", "") or ""):
            return f"{_number_text(value * 100)}%"
        return _number_text(value)
    return str(value)


def _number_text(value: float) -> str:
    value = round(value, 10)  # 0.68 * 100 is 68.00000000000001
    return str(int(value)) if float(value).is_integer() else repr(value)


def _table(lines: list[tuple[int, list[str]]], separator: str) -> Table:
    lines = [(number, cells) for number, cells in lines if any(cell.strip() for cell in cells)]
    if not lines:
        raise _refuse(_("the file is empty."))
    header_line, headers = lines[0]
    headers = [header.strip() for header in headers]
    while headers and not headers[-1]:
        headers.pop()
    problems = [
        Problem(header_line, headers[index], _("this column is named twice."))
        for index in duplicate_headers(headers)
    ]
    if problems:
        raise InvalidEvidenceFile(problems)
    rows = [Row(number, _padded(cells, len(headers))) for number, cells in lines[1:]]
    if not rows:
        raise _refuse(_("the file has a header but no row under it."), line=header_line)
    return Table(headers, rows, separator)


def _padded(cells: list[str], width: int) -> list[str]:
    cells = [cell.strip() for cell in cells[:width]]
    return cells + [""] * (width - len(cells))

"""Periods of a metric: a month (`2026-07`), a quarter (`2026-Q3`) or an ISO date range
(`2026-07-01/2026-09-30`). A period is kept as written (normalised) and as its first and last
day, so metrics sort and trend by time whatever the way their period was given."""

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTH = re.compile(r"(\d{4})-(\d{1,2})")
QUARTER = re.compile(r"(\d{4})-?[QqTt]([1-4])")  # T: trimestre, as French exports write it
QUARTER_FIRST = re.compile(r"[QqTt]([1-4])[\s-]*(\d{4})")  # "Q3 2026", "T3 2026"
MONTH_FIRST = re.compile(r"(\d{1,2})/(\d{4})")  # "09/2026"
RANGE = re.compile(r"(\d{4}-\d{2}-\d{2})\s*/\s*(\d{4}-\d{2}-\d{2})")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Period:
    label: str
    start: date
    end: date


def parse_period(text: str) -> Period | None:
    """The period `text` names, or None when it is none of the three forms."""
    text = text.strip()
    if match := QUARTER_FIRST.fullmatch(text):
        text = f"{match[2]}-Q{match[1]}"
    elif match := MONTH_FIRST.fullmatch(text):
        text = f"{match[2]}-{int(match[1]):02d}"
    elif DAY.fullmatch(text):
        # A single day (a spreadsheet turns "2026-07" into a date): a range of one day.
        text = f"{text}/{text}"
    if match := MONTH.fullmatch(text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            return None
        last = calendar.monthrange(year, month)[1]
        return Period(f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last))
    if match := QUARTER.fullmatch(text):
        year, quarter = int(match[1]), int(match[2])
        first_month = 3 * quarter - 2
        last_month = first_month + 2
        end = date(year, last_month, calendar.monthrange(year, last_month)[1])
        return Period(f"{year:04d}-Q{quarter}", date(year, first_month, 1), end)
    if match := RANGE.fullmatch(text):
        try:
            start, end = date.fromisoformat(match[1]), date.fromisoformat(match[2])
        except ValueError:
            return None
        if end < start:
            return None
        return Period(f"{start.isoformat()}/{end.isoformat()}", start, end)
    return None

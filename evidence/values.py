"""Reading the values of an evidence file as exports write them: decimal commas, spaces between
thousands, `%` signs, ISO and dd/mm/yyyy dates, sentiments as numbers or words."""

import re
from datetime import date, datetime

from core.text import folded

# Spaces exports put between thousands: plain, no-break, narrow no-break, thin.
THOUSANDS_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
YEAR_FIRST = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
SENTIMENT_WORDS = {
    "very negative": -2,
    "tres negatif": -2,
    "negative": -1,
    "negatif": -1,
    "neutral": 0,
    "neutre": 0,
    "positive": 1,
    "positif": 1,
    "very positive": 2,
    "tres positif": 2,
}
UNKNOWN_WORDS = {"", "unknown", "inconnu", "n/a", "na", "?", "-"}


def parse_number(text: str, *, comma_is_decimal: bool = True) -> tuple[float, bool]:
    """(the number, whether it carried a `%` sign); ValueError when `text` is not a number.

    "1,8" is 1.8; "48 200" and "48,200" (a comma before exactly three digits, in a file whose
    columns are split by commas) are 48200; "1.234,5" and "1,234.5" are 1234.5.
    """
    # A typographic minus (−1) is how French documents often write a negative number.
    raw = THOUSANDS_SPACES.sub("", text.strip().replace("\u2212", "-"))
    percent = raw.endswith("%")
    raw = raw.rstrip("%")
    if "," in raw and "." in raw:
        # The one written last separates the decimals.
        if raw.rfind(".") > raw.rfind(","):
            raw = raw.replace(",", "")
        else:
            raw = raw.replace(".", "").replace(",", ".")
    elif raw.count(",") == 1:
        thousands = not comma_is_decimal and re.fullmatch(r"[+-]?\d{1,3},\d{3}", raw)
        raw = raw.replace(",", "" if thousands else ".")
    elif raw.count(",") > 1:
        raw = raw.replace(",", "")
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?", raw, re.IGNORECASE):
        raise ValueError(f"not a number: {text!r}")
    value = float(raw)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"not a number: {text!r}")
    return value, percent


def parse_date(text: str) -> date:
    """An ISO date (a date-time keeps its day) or a day-first one: 14/09/2026, 14.09.2026."""
    text = text.strip()
    day, _sep, clock = text.partition(" ")
    if clock and re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?", clock):
        text = day  # "14/09/2026 10:30": the day is what a quote is dated by
    if match := DAY_FIRST.fullmatch(text):
        return date(int(match[3]), int(match[2]), int(match[1]))
    if match := YEAR_FIRST.fullmatch(text):
        return date(int(match[1]), int(match[2]), int(match[3]))
    try:
        return date.fromisoformat(text)
    except ValueError:
        return datetime.fromisoformat(text).date()


def parse_sentiment(text: str) -> int | None:
    """−2…+2 as a number ("+1", "-2", "1,0") or a word; None when unknown; ValueError else."""
    words = folded(text)
    if words in UNKNOWN_WORDS:
        return None
    if words in SENTIMENT_WORDS:
        return SENTIMENT_WORDS[words]
    value, _percent = parse_number(text)
    if not value.is_integer() or not -2 <= value <= 2:
        raise ValueError(f"not a sentiment: {text!r}")
    return int(value)

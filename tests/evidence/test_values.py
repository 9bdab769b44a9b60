"""Values as exports write them: decimal commas, thousands, %, dates, periods, sentiments."""

from datetime import date

import pytest

from evidence.models import MetricKind, guess_kind
from evidence.periods import parse_period
from evidence.values import parse_date, parse_number, parse_sentiment


@pytest.mark.parametrize(
    ("text", "comma_is_decimal", "expected"),
    [
        ("1,8", True, (1.8, False)),
        ("48 200", True, (48200.0, False)),
        ("48\u202f200,5", True, (48200.5, False)),
        ("68 %", True, (68.0, True)),
        ("1.234,5", True, (1234.5, False)),
        ("1,234.5", False, (1234.5, False)),
        ("48,200", False, (48200.0, False)),
        ("2,1", False, (2.1, False)),
        ("-12", True, (-12.0, False)),
        ("\u22121", True, (-1.0, False)),
    ],
)
def test_numbers_are_read_as_exports_write_them(text, comma_is_decimal, expected):
    assert parse_number(text, comma_is_decimal=comma_is_decimal) == expected


@pytest.mark.parametrize("text", ["abc", "1,2,3.4.5", "", "12 apples", "nan", "inf"])
def test_what_is_not_a_number_is_refused(text):
    with pytest.raises(ValueError, match="."):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-09-14", date(2026, 9, 14)),
        ("14/09/2026", date(2026, 9, 14)),
        ("4/9/2026", date(2026, 9, 4)),
        ("2026-09-14T10:30:00", date(2026, 9, 14)),
        ("14/09/2026 10:30", date(2026, 9, 14)),
        ("2026/09/14", date(2026, 9, 14)),
    ],
)
def test_iso_and_day_first_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["32/01/2026", "yesterday", "2026-13-01", "09/14/2026"])
def test_what_is_not_a_date_is_refused(text):
    with pytest.raises(ValueError, match="."):
        parse_date(text)


def test_periods_month_quarter_and_range():
    month = parse_period("2026-07")
    assert (month.label, month.start, month.end) == ("2026-07", date(2026, 7, 1), date(2026, 7, 31))
    quarter = parse_period("2026-q3")
    assert (quarter.label, quarter.start, quarter.end) == (
        "2026-Q3",
        date(2026, 7, 1),
        date(2026, 9, 30),
    )
    assert parse_period("2026-T1").label == "2026-Q1"
    assert parse_period("Q3 2026").label == "2026-Q3"
    assert parse_period("09/2026").label == "2026-09"
    assert parse_period("2026-07-01").label == "2026-07-01/2026-07-01"
    span = parse_period("2026-07-01/2026-09-30")
    assert (span.start, span.end) == (date(2026, 7, 1), date(2026, 9, 30))
    for wrong in ("2026-13", "2026-Q5", "2026-09-30/2026-07-01", "Q3", "soon"):
        assert parse_period(wrong) is None


def test_sentiments_as_numbers_words_or_unknown():
    assert [parse_sentiment(t) for t in ("-2", "+1", "0", "positif", "Very negative")] == [
        -2,
        1,
        0,
        1,
        -2,
    ]
    assert parse_sentiment("") is None
    assert parse_sentiment("inconnu") is None
    for wrong in ("3", "1.5", "happy"):
        with pytest.raises(ValueError, match="."):
            parse_sentiment(wrong)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("NPS", MetricKind.NPS),
        ("Satisfaction client", MetricKind.CSAT),
        ("CES", MetricKind.CES),
        ("Taux de conversion", MetricKind.CONVERSION),
        ("Taux d'abandon", MetricKind.DROP_OFF),
        ("Drop-off rate", MetricKind.DROP_OFF),
        ("Temps d'attente moyen", MetricKind.DURATION),
        ("Visiteurs uniques", MetricKind.VOLUME),
        ("Accessibilité", MetricKind.CUSTOM),
        ("Taux de clic", MetricKind.CUSTOM),
    ],
)
def test_the_kind_of_a_metric_is_read_from_its_name(name, kind):
    assert guess_kind(name) == kind

"""Importing an evidence file into a journey: every row checked first, then one transaction.

    table = reading.read_table(data, filename)        # or InvalidEvidenceFile
    plan = plan_import(journey, table, mapping)        # what would be created, every problem
    if not plan.problems: counts = plan.apply(user)    # the new rows, in one transaction

A row with a quote is a verbatim; a row with a metric and a value is a metric; a row with
neither is a problem. A row already in the journey (evidence/models.py says when two are the
same) is counted as known and written again never, so importing a file twice changes nothing.
"""

import re
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils.translation import gettext as _

from evidence.columns import Mapping
from evidence.matching import Matcher, NoMatch
from evidence.models import Metric, Verbatim, guess_kind
from evidence.periods import parse_period
from evidence.problems import Problem
from evidence.reading import Row, Table
from evidence.values import parse_date, parse_number, parse_sentiment
from journeys.models import Activity, Journey

SCALE_SUFFIX = re.compile(r"\s*/\s*(\d+)$")


@dataclass
class Plan:
    journey: Journey
    metrics: list[Metric] = field(default_factory=list)
    verbatims: list[Verbatim] = field(default_factory=list)
    known: int = 0  # rows already in the journey (or twice in the file)
    problems: list[Problem] = field(default_factory=list)

    @property
    def rows_with_problems(self) -> int:
        return len({problem.line for problem in self.problems})

    @property
    def new_count(self) -> int:
        return len(self.metrics) + len(self.verbatims)

    def apply(self, user=None, filename: str = "") -> tuple[int, int]:
        """Write the new metrics and verbatims in one transaction: (metrics, verbatims)."""
        with transaction.atomic():
            write_new(Metric, self.metrics)
            write_new(Verbatim, self.verbatims)
            if self.metrics or self.verbatims:
                record_import(user, self.journey, filename)
            transaction.on_commit(lambda: refresh_statistics(self.new_count))
        return len(self.metrics), len(self.verbatims)


def write_new(model, rows: list) -> None:
    """Insert `rows` (unsaved `model` instances), skipping any whose identity the journey
    already holds: an import of the same rows by someone else a moment earlier wins, rather
    than failing this one. On PostgreSQL the rows are copied (COPY) into a temporary table and
    inserted from there: `bulk_create` spent 1.6 s of a 10,000-row import preparing each value
    and building arrays in Python (bench/evidence.py); COPY takes a tenth of that."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
        return
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    names = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE new_evidence ON COMMIT DROP AS "
            f"SELECT {names} FROM {table} WITH NO DATA"
        )
        with cursor.connection.cursor().copy(f"COPY new_evidence ({names}) FROM STDIN") as copy:
            for row in rows:
                # Each field's value as saving the row would take it (`auto_now_add` filled).
                copy.write_row([field.pre_save(row, True) for field in fields])
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM new_evidence "
            "ON CONFLICT DO NOTHING; DROP TABLE new_evidence"
        )


# After an import this large, PostgreSQL's statistics of the evidence tables are refreshed at
# once rather than within the minute autovacuum takes: until then the planner takes a journey's
# thousands of figures for a handful, and the map's evidence queries (evidence/map_rows.py)
# sort and loop where they would hash, twice as slow (bench/evidence.py).
ANALYZE_AFTER = 1000


def refresh_statistics(new_rows: int) -> None:
    if new_rows >= ANALYZE_AFTER and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "ANALYZE evidence_metric, evidence_metricseries, evidence_verbatim,"
                " evidence_quotetally"
            )


def record_import(user, journey: Journey, filename: str) -> None:
    """An entry of the journey's activity feed: "Marie imported evidence from “survey.csv”"."""
    Activity.objects.create(
        workspace_id=journey.workspace_id,
        journey=journey,
        actor=user,
        verb=Activity.Verb.IMPORTED,
        object_type="evidence",
        object_id=journey.pk,
        object_label=filename[:200],
    )


def plan_import(journey: Journey, table: Table, mapping: Mapping) -> Plan:
    """What importing `table` with `mapping` would create, and every problem, writing nothing."""
    plan = Plan(journey)
    missing = _missing_columns(mapping)
    if missing:
        plan.problems.append(Problem(1, "", missing))
        return plan
    matcher = Matcher(journey)
    seen = set(Metric.objects.filter(journey=journey).values_list("identity", flat=True))
    seen |= set(Verbatim.objects.filter(journey=journey).values_list("identity", flat=True))
    for line in table.rows:
        row = _Row(table, mapping, line)
        evidence = _evidence(journey, matcher, row)
        if row.problems:
            plan.problems.extend(row.problems)
            continue
        evidence.identity = evidence.compute_identity()
        if evidence.identity in seen:
            plan.known += 1
            continue
        seen.add(evidence.identity)
        (plan.verbatims if isinstance(evidence, Verbatim) else plan.metrics).append(evidence)
    return plan


def _missing_columns(mapping: Mapping) -> str:
    if mapping.get("stage") is None and mapping.get("touchpoint") is None:
        return _("no column gives the stage (“stage” or “étape”).")
    has_metrics = mapping.get("metric") is not None and mapping.get("value") is not None
    if not has_metrics and mapping.get("quote") is None:
        return _("no column gives a metric and its value (“metric”, “value”) or a quote (“quote”).")
    return ""


class _Row:
    """A row's cells by field, through the mapping, and its problems: every one is gathered,
    none stops the others, so the report names all a row has at once."""

    def __init__(self, table: Table, mapping: Mapping, row: Row) -> None:
        self.table = table
        self.mapping = mapping
        self.row = row
        self.problems: list[Problem] = []

    def fail(self, field: str, message: str) -> None:
        index = self.mapping.get(field)
        header = self.table.headers[index] if index is not None else ""
        self.problems.append(Problem(self.row.line, header, message))

    def get(self, field: str) -> str:
        index = self.mapping.get(field)
        return self.row.cells[index] if index is not None else ""

    def text(self, field: str, max_length: int) -> str:
        value = self.get(field)
        if len(value) > max_length:
            self.fail(
                field,
                _("%(length)d characters, more than the %(maximum)d allowed.")
                % {"length": len(value), "maximum": max_length},
            )
        return value

    def number(self, field: str, strip: str = "") -> tuple[float, bool] | None:
        """(value, written with %) or None when the cell is empty or, said, not a number."""
        value = self.get(field)
        if not value:
            return None
        try:
            text = value.removesuffix(strip) if strip else value
            return parse_number(text, comma_is_decimal=self.table.comma_is_decimal)
        except ValueError:
            self.fail(field, _("“%(value)s” is not a number.") % {"value": value})
            return None


def _evidence(journey: Journey, matcher: Matcher, row: _Row) -> Metric | Verbatim | None:
    """The row's metric or verbatim, unsaved; None, or one not to save, when it has problems."""
    target = _target(matcher, row)
    if row.get("quote"):
        return _verbatim(journey, row, target)
    if row.get("metric"):
        return _metric(journey, row, target)
    if row.mapping.get("quote") is not None:
        row.fail("quote", _("the quote is empty, and the row gives no metric either."))
    else:
        row.fail("metric", _("the row gives neither a metric nor a quote."))
    return None


def _target(matcher: Matcher, row: _Row) -> dict:
    """The stage or card (and persona) the row is about: {"stage"|"touchpoint", "persona_id"}."""
    persona = None
    if persona_name := row.get("persona"):
        try:
            persona = matcher.persona(persona_name)
        except NoMatch as error:
            row.fail("persona", str(error))
            return {}  # which card is meant depends on the persona
    stage_name = row.get("stage")
    card_name = row.get("touchpoint")
    try:
        if stage_name:
            stage = matcher.stage(stage_name)
        elif card_name:  # a card named alone, when only one card has that name or key
            stage = matcher.stage_of_card(card_name, persona)
        else:
            raise NoMatch(_("the stage is empty."))
    except NoMatch as error:
        row.fail("stage", str(error))
        return {}
    persona_id = persona.persona_id if persona else None
    if card_name:
        try:
            return {"touchpoint": matcher.card(card_name, stage, persona), "persona_id": persona_id}
        except NoMatch as error:
            row.fail("touchpoint", str(error))
            return {}
    return {"stage": stage, "persona_id": persona_id}


def _metric(journey: Journey, row: _Row, target: dict) -> Metric | None:
    name = row.text("metric", Metric._meta.get_field("name").max_length)
    # "4,1/5": a score written with its scale.
    scale = SCALE_SUFFIX.search(row.get("value"))
    value = row.number("value", strip=scale[0] if scale else "")
    if value is None and not row.get("value"):
        row.fail("value", _("the metric “%(name)s” has no value.") % {"name": name})
    period_text = row.get("period")
    period = parse_period(period_text) if period_text else None
    if period is None:
        row.fail(
            "period",
            _(
                "“%(value)s” is not a period: write a month (2026-07), a quarter (2026-Q3) "
                "or a range of dates (2026-07-01/2026-09-30)."
            )
            % {"value": period_text},
        )
    goal = row.number("target")
    unit = row.text("unit", Metric._meta.get_field("unit").max_length)
    source = row.text("source", Metric._meta.get_field("source").max_length)
    if row.problems:
        return None
    return Metric(
        journey=journey,
        **target,
        kind=guess_kind(name),
        name=name,
        value=value[0],
        unit=unit or ("%" if value[1] else "") or (f"/{scale[1]}" if scale else ""),
        period=period.label,
        period_start=period.start,
        period_end=period.end,
        target=goal[0] if goal else None,
        source=source,
    )


def _verbatim(journey: Journey, row: _Row, target: dict) -> Verbatim | None:
    day_text = row.get("date")
    day = None
    try:
        day = parse_date(day_text) if day_text else None
    except ValueError:
        row.fail(
            "date",
            _("“%(value)s” is not a date: write 2026-09-14 or 14/09/2026.") % {"value": day_text},
        )
    sentiment_text = row.get("sentiment")
    sentiment = None
    try:
        sentiment = parse_sentiment(sentiment_text)
    except ValueError:
        row.fail(
            "sentiment",
            _("“%(value)s” is not a sentiment from -2 to +2.") % {"value": sentiment_text},
        )
    segment = row.text("segment", Verbatim._meta.get_field("segment").max_length)
    source = row.text("source", Verbatim._meta.get_field("source").max_length)
    if row.problems:
        return None
    return Verbatim(
        journey=journey,
        **target,
        text=row.get("quote"),
        date=day,
        sentiment=sentiment,
        segment=segment,
        source=source,
    )

"""The evidence rows a map page reads, in SQL written out: the latest figure of each series with
its series' size, the first figures in the map's order, the quotes counted per stage and the
newest quotes. Every map page asks these four, with evidence or without. Built through the ORM
they cost 14 to 20 ms of processor time a page to build and compile, as much as the rest of the
map's queries together (bench/evidence.py); written out, about 1 ms. They use what the ORM
cannot say (a CTE, a MAX over built text, tables kept by triggers), so core/compiled.py, which
keeps the ORM's own SQL, does not fit them. On PostgreSQL the latest figures and the quotes per
stage are read from what its triggers keep (evidence.models.MetricSeries and QuoteTally); other
databases group the metrics and quotes themselves.

A map's evidence is the journey's stages' (for everyone, or for the persona) and the persona's
cards'. The cards are named by a sub-query, or joined on the persona's own (a bare join would
read every card of every journey to find this persona's).
"""

from datetime import date
from typing import NamedTuple

from django.db import connection

from evidence.models import Figure


def _of_persona(table: str) -> str:
    """The WHERE clause of the evidence in `table` (aliased) that a persona's map shows; its
    parameters are `_persona_params`."""
    return f"""{table}.journey_id = %s AND (
        ({table}.stage_id IS NOT NULL AND ({table}.persona_id IS NULL OR {table}.persona_id = %s))
        OR {table}.touchpoint_id IN (
            SELECT id FROM touchpoints_touchpoint WHERE journey_id = %s AND persona_id = %s))"""


def _persona_params(journey_id: int, persona_id: int) -> list:
    return [journey_id, persona_id, journey_id, persona_id]


FIGURE_COLUMNS = """m.id, m.stage_id, m.touchpoint_id, m.persona_id, m.kind, m.name, m.value,
    m.unit, m.period, m.period_start, m.period_end, m.target, m.source, t.stage_id, t.title"""
FIGURE_FIELDS = (*Figure.FIELDS, "card_stage_id", "card_title", "series_size")

# Each series' latest metric (its latest period, then the last one written) with the series'
# size. On PostgreSQL the series are kept by triggers (evidence.models.MetricSeries): the page
# reads the journey's series and their newest metrics by id, where grouping every metric of the
# map took 4 ms more with 2,000 of them (bench/evidence.py). Elsewhere the metrics are grouped:
# the latest of a group is the MAX of a text of ISO dates and the id zero-padded to a bigint's
# 20 digits.
NEWEST_TEXT = """CAST(SUBSTR(MAX(CAST(m.period_end AS varchar) || CAST(m.period_start AS varchar)
    || LPAD(CAST(m.id AS varchar), 20, '0')), 21) AS bigint)"""
LATEST = f"""
WITH series AS (
    SELECT {NEWEST_TEXT} AS id, COUNT(*) AS size
    FROM evidence_metric m
    WHERE {_of_persona("m")}
    GROUP BY m.stage_id, m.touchpoint_id, m.persona_id, m.kind, m.name, m.source)
SELECT {FIGURE_COLUMNS}, series.size
FROM evidence_metric m JOIN series ON series.id = m.id
    LEFT JOIN touchpoints_touchpoint t ON t.id = m.touchpoint_id
WHERE m.journey_id = %s
ORDER BY m.period_end, m.period_start, m.id"""
LATEST_KEPT = f"""
SELECT {FIGURE_COLUMNS}, s.size
FROM evidence_metricseries s JOIN evidence_metric m ON m.id = s.newest_id
    LEFT JOIN touchpoints_touchpoint t ON t.id = m.touchpoint_id
WHERE {_of_persona("s")} AND m.journey_id = %s
ORDER BY m.period_end, m.period_start, m.id"""


def _latest_sql() -> str:
    return LATEST_KEPT if connection.vendor == "postgresql" else LATEST


# The first figures in the map's order (stage by stage; in a stage, its cards' figures card by
# card, then its own) among those of a few cards and stages.
LISTED = f"""
SELECT {FIGURE_COLUMNS}
FROM evidence_metric m LEFT JOIN touchpoints_touchpoint t ON t.id = m.touchpoint_id
WHERE m.journey_id = %s AND (m.touchpoint_id IN ({{cards}})
    OR (m.stage_id IN ({{stages}}) AND (m.persona_id IS NULL OR m.persona_id = %s)))
ORDER BY {{stage_rank}}, m.touchpoint_id IS NULL, m.touchpoint_id, m.id
LIMIT %s"""

# The persona's cards are joined here rather than named by a sub-query: their stages are needed
# all the same, and joining every card of every journey to find them cost a millisecond more
# with 2,000 quotes (bench/evidence.py). On PostgreSQL the quotes are counted from the tallies
# its triggers keep per place (evidence.models.QuoteTally): a few hundred rows rather than every
# quote of the map. The average is AVG's own: the sum as a numeric divided by the number.
QUOTES_PER_STAGE = """
SELECT COALESCE(v.stage_id, t.stage_id), {counted}
FROM {source} v LEFT JOIN touchpoints_touchpoint t
    ON t.id = v.touchpoint_id AND t.journey_id = %s AND t.persona_id = %s
WHERE v.journey_id = %s AND (t.id IS NOT NULL
    OR (v.stage_id IS NOT NULL AND (v.persona_id IS NULL OR v.persona_id = %s)))
GROUP BY COALESCE(v.stage_id, t.stage_id)"""
QUOTES_COUNTED = {
    # Tallies, as QuoteTally keeps them on PostgreSQL.
    True: QUOTES_PER_STAGE.format(
        source="evidence_quotetally",
        counted="SUM(v.count), CAST(CAST(SUM(v.sentiment_sum) AS numeric)"
        " / NULLIF(SUM(v.sentiments), 0) AS float)",
    ),
    # Every quote.
    False: QUOTES_PER_STAGE.format(
        source="evidence_verbatim", counted="COUNT(*), CAST(AVG(v.sentiment) AS float)"
    ),
}

# In the order of the `newest_quote` index (evidence/models.py): the database reads the few
# rows it lists rather than sorting every quote of the map.
NEWEST_QUOTES = f"""
SELECT v.id, v.text, v.date, v.sentiment, v.source, v.touchpoint_id, t.title, s.name
FROM evidence_verbatim v
    LEFT JOIN touchpoints_touchpoint t ON t.id = v.touchpoint_id
    LEFT JOIN journeys_stage s ON s.id = v.stage_id
WHERE {_of_persona("v")}
ORDER BY COALESCE(v.date, '0001-01-01') DESC, v.id DESC
LIMIT %s"""


class ListedQuote(NamedTuple):
    """A quote as the list under the map shows it, with where it was said by name."""

    pk: int
    text: str
    date: date | None
    sentiment: int | None
    source: str
    touchpoint_id: int | None
    card_title: str | None
    stage_name: str | None


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _date(value) -> date | None:
    # SQLite hands dates back as their ISO text.
    return date.fromisoformat(value) if isinstance(value, str) else value


def figures_of(rows: list[tuple]) -> list[Figure]:
    figures = []
    for row in rows:
        figure = Figure.__new__(Figure)  # a plain object filled from the row: hundreds a page
        figure.__dict__.update(zip(FIGURE_FIELDS, row, strict=False))
        figures.append(figure)
    if connection.vendor == "sqlite":
        for figure in figures:
            figure.period_start = _date(figure.period_start)
            figure.period_end = _date(figure.period_end)
    return figures


def latest_rows(journey_id: int, persona_id: int) -> list[tuple]:
    """The latest figure of each series of the persona's map, in period order, each with the
    number of figures in its series (`series_size`), as rows for `figures_of`."""
    return _rows(_latest_sql(), [*_persona_params(journey_id, persona_id), journey_id])


def listed_rows(
    journey_id: int, persona_id: int, latest: list[Figure], stage_ids: list[int], limit: int
) -> list[tuple]:
    """The first `limit` figures of the persona's map in the map's order (`stage_ids` in the
    map's order), knowing `latest` (`latest_rows`, as figures), as rows for `figures_of`. The
    series' sizes tell which cards and stages hold them: those are read, not every figure of
    the map."""
    rank = {pk: index for index, pk in enumerate(stage_ids)}
    sizes: dict[tuple, int] = {}
    for figure in latest:
        at = rank.get(figure.stage_id or figure.card_stage_id, len(stage_ids))
        key = (at, figure.touchpoint_id is None, figure.touchpoint_id or 0, figure.stage_id or 0)
        sizes[key] = sizes.get(key, 0) + figure.series_size
    cards, stages, count = [], [], 0
    for key in sorted(sizes):
        if count >= limit:
            break
        card, stage = key[2:]
        (cards if card else stages).append(card or stage)
        count += sizes[key]
    ranks = " ".join(f"WHEN %s THEN {index}" for index in range(len(stage_ids)))
    sql = LISTED.format(
        cards=_placeholders(cards),
        stages=_placeholders(stages),
        # Without stages every row ranks the same: the journey, which they share (PostgreSQL
        # takes "ORDER BY 0" for the first column's position, and refuses other constants).
        stage_rank=(
            f"CASE COALESCE(m.stage_id, t.stage_id) {ranks} END" if stage_ids else "m.journey_id"
        ),
    )
    return _rows(sql, [journey_id, *cards, *stages, persona_id, *stage_ids, limit])


def _placeholders(values: list) -> str:
    # "IN (NULL)" holds nothing, and the query is asked all the same: a map costs the same
    # queries with evidence or without.
    return ", ".join(["%s"] * len(values)) or "NULL"


def quotes_per_stage(journey_id: int, persona_id: int) -> list[tuple[int, int, float | None]]:
    """(stage id, number of quotes, their average sentiment) of each stage with quotes."""
    sql = QUOTES_COUNTED[connection.vendor == "postgresql"]
    return _rows(sql, [journey_id, persona_id, journey_id, persona_id])


def newest_quote_rows(journey_id: int, persona_id: int, limit: int) -> list[tuple]:
    """The persona's map's `limit` newest quotes, as rows for `quotes_of`."""
    return _rows(NEWEST_QUOTES, [*_persona_params(journey_id, persona_id), limit])


def quotes_of(rows: list[tuple]) -> list[ListedQuote]:
    return [ListedQuote(*row[:2], _date(row[2]), *row[3:]) for row in rows]


# What names the state of a journey's evidence on PostgreSQL: the newest ids of its kept series
# and tallies. After every statement that writes one of its metrics or quotes, the triggers
# count all its groups again under new ids (evidence/migrations/0003_kept_evidence.py), so the
# ids move on, never back; a journey without metrics (or quotes) has none.
STAMP = """SELECT (SELECT MAX(id) FROM evidence_metricseries WHERE journey_id = %s),
    (SELECT MAX(id) FROM evidence_quotetally WHERE journey_id = %s)"""


def stamp(journey_id: int) -> tuple | None:
    """The state of the journey's evidence (`STAMP`), or None where no triggers keep it."""
    if connection.vendor != "postgresql":
        return None
    return _rows(STAMP, [journey_id, journey_id])[0]

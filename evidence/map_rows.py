"""The evidence rows a map page reads, in SQL written out: the latest figure of each series, the
figures listed under the map with how many there are, the quotes counted per stage and the
newest quotes. Every map page asks these four, with evidence or without; built through the ORM
they cost 20 ms of Python a page, as much as the rest of the map's queries together
(bench/evidence.py), so they are written once here, in SQL both PostgreSQL and SQLite read.

A map's evidence is the journey's stages' (for everyone, or for the persona) and the persona's
cards'. The cards are named by a sub-query rather than a join, which would read every card of
every journey to find this persona's.
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
FIGURE_FIELDS = (*Figure.FIELDS, "card_stage_id", "card_title")

# Each series' latest metric: its latest period, then the last one written. A grouped MAX of a
# text that sorts that way (ISO dates, then the id zero-padded to a bigint's 20 digits) hashes
# the groups, where a ROW_NUMBER() window sorted every metric of the map by series: a third of
# the time.
LATEST = f"""
SELECT {FIGURE_COLUMNS}
FROM evidence_metric m LEFT JOIN touchpoints_touchpoint t ON t.id = m.touchpoint_id
WHERE m.id IN (
    SELECT CAST(SUBSTR(MAX(CAST(m.period_end AS varchar) || CAST(m.period_start AS varchar)
        || LPAD(CAST(m.id AS varchar), 20, '0')), 21) AS bigint)
    FROM evidence_metric m
    WHERE {_of_persona("m")}
    GROUP BY m.stage_id, m.touchpoint_id, m.persona_id, m.kind, m.name, m.source)
ORDER BY m.period_end, m.period_start, m.id"""

# The first figures in the map's order (stage by stage; in a stage, its cards' figures card by
# card, then its own), each with the number of figures in all.
LISTED = f"""
SELECT {FIGURE_COLUMNS}, COUNT(*) OVER ()
FROM evidence_metric m LEFT JOIN touchpoints_touchpoint t ON t.id = m.touchpoint_id
WHERE {_of_persona("m")}
ORDER BY {{stage_rank}}, m.touchpoint_id IS NULL, m.touchpoint_id, m.id
LIMIT %s"""

QUOTES_PER_STAGE = f"""
SELECT COALESCE(v.stage_id, t.stage_id), COUNT(*), CAST(AVG(v.sentiment) AS float)
FROM evidence_verbatim v LEFT JOIN touchpoints_touchpoint t ON t.id = v.touchpoint_id
WHERE {_of_persona("v")}
GROUP BY COALESCE(v.stage_id, t.stage_id)"""

# In the order of the `newest_quote` index (evidence/models.py): the database reads the few
# rows it lists rather than sorting every quote of the map.
NEWEST_QUOTES = f"""
SELECT v.id, v.text, v.date, v.sentiment, v.source, v.touchpoint_id, t.title, s.name
FROM evidence_verbatim v
    LEFT JOIN touchpoints_touchpoint t ON t.id = v.touchpoint_id
    LEFT JOIN journeys_stage s ON s.id = v.stage_id
WHERE {_of_persona("v")}
ORDER BY v.date DESC NULLS LAST, v.id DESC
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


def _figure(row) -> Figure:
    figure = Figure(**dict(zip(FIGURE_FIELDS, row, strict=False)))
    figure.period_start, figure.period_end = _date(figure.period_start), _date(figure.period_end)
    return figure


def latest_figures(journey_id: int, persona_id: int) -> list[Figure]:
    """The latest figure of each series of the persona's map, in period order."""
    return [_figure(row) for row in _rows(LATEST, _persona_params(journey_id, persona_id))]


def listed_figures(
    journey_id: int, persona_id: int, stage_ids: list[int], limit: int
) -> tuple[list[Figure], int]:
    """The first `limit` figures in the map's order (`stage_ids` in the map's order), and the
    number of figures of the persona's map."""
    ranks = " ".join("WHEN %s THEN " + str(rank) for rank in range(len(stage_ids)))
    stage_rank = f"CASE COALESCE(m.stage_id, t.stage_id) {ranks} END" if stage_ids else "0"
    sql = LISTED.format(stage_rank=stage_rank)
    rows = _rows(sql, [*_persona_params(journey_id, persona_id), *stage_ids, limit])
    return [_figure(row) for row in rows], rows[0][-1] if rows else 0


def quotes_per_stage(journey_id: int, persona_id: int) -> list[tuple[int, int, float | None]]:
    """(stage id, number of quotes, their average sentiment) of each stage with quotes."""
    return _rows(QUOTES_PER_STAGE, _persona_params(journey_id, persona_id))


def newest_quotes(journey_id: int, persona_id: int, limit: int) -> list[ListedQuote]:
    rows = _rows(NEWEST_QUOTES, [*_persona_params(journey_id, persona_id), limit])
    return [ListedQuote(*row[:2], _date(row[2]), *row[3:]) for row in rows]

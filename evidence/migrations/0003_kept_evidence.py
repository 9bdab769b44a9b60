"""What PostgreSQL keeps for the map as evidence is written (evidence.models.MetricSeries and
QuoteTally): after each statement that inserts, updates or deletes metrics or quotes, the groups
of the journeys those rows belong to are counted again from the journeys' rows."""

from django.db import migrations, models

PLACE = ("journey_id", "stage_id", "touchpoint_id", "persona_id")
SERIES = (*PLACE, "kind", "name", "source")
NEWEST = """(MAX(ARRAY[m.period_end - DATE '1970-01-01', m.period_start - DATE '1970-01-01',
    m.id]))[3]"""


def _recount(source: str, kept: str, key: tuple, counts: dict, changed: str) -> str:
    """The statements that count again, into `kept`, the groups (`key`) of the journeys of the
    rows that `changed` (a table of rows before or after the statement) names. The journey's
    every group rather than those of the changed rows alone: matching groups that may be NULL
    in several places led the planner to loops of thousands by thousands on a second import
    (4 s); a journey's groups are counted again in a few milliseconds."""
    columns = ", ".join(key)
    journeys = f"(SELECT DISTINCT journey_id FROM {changed} AS c)"
    return f"""
    DELETE FROM {kept} WHERE journey_id IN {journeys};
    INSERT INTO {kept} ({columns}, {", ".join(counts)})
    SELECT {", ".join(f"m.{c}" for c in key)}, {", ".join(counts.values())}
    FROM {source} m WHERE m.journey_id IN {journeys}
    GROUP BY {", ".join(f"m.{c}" for c in key)};"""


# The advisory locks' first key: "evidence kept", the second being the journey's id.
LOCK_CLASS = 7_106


def _one_at_a_time(changed: str) -> str:
    """Each journey's groups counted again by one transaction at a time: two statements on
    one journey, in two transactions, would each delete the groups the other had not committed
    yet and insert their own, keeping both. Advisory locks, taken in the journeys' order, and
    only here: a card's deletion, which holds the journey's row, cascades to its evidence."""
    return f"""
    PERFORM pg_advisory_xact_lock({LOCK_CLASS}, CAST(c.journey_id AS integer))
    FROM (SELECT DISTINCT journey_id FROM {changed} AS x ORDER BY journey_id) AS c;"""


def _kept(source: str, kept: str, key: tuple, counts: dict) -> tuple[str, str]:
    """The trigger function and triggers that keep `kept`, and what removes them."""
    function = f"{kept}_recount"
    both = f"(SELECT {', '.join(key)} FROM old_rows UNION SELECT {', '.join(key)} FROM new_rows)"

    def recount(changed: str) -> str:
        return _one_at_a_time(changed) + _recount(source, kept, key, counts, changed)

    create = f"""
CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN {recount("new_rows")}
    ELSIF TG_OP = 'DELETE' THEN {recount("old_rows")}
    ELSE {recount(both)}
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER {kept}_insert AFTER INSERT ON {source} REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {function}();
CREATE TRIGGER {kept}_update AFTER UPDATE ON {source}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {function}();
CREATE TRIGGER {kept}_delete AFTER DELETE ON {source} REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {function}();
{_recount(source, kept, key, counts, source)}"""
    drop = "".join(
        f"DROP TRIGGER {kept}_{event} ON {source};" for event in ("insert", "update", "delete")
    )
    return create, f"{drop} DROP FUNCTION {function}();"


SERIES_SQL = _kept(
    "evidence_metric", "evidence_metricseries", SERIES, {"newest_id": NEWEST, "size": "COUNT(*)"}
)
TALLY_SQL = _kept(
    "evidence_verbatim",
    "evidence_quotetally",
    PLACE,
    {
        "count": "COUNT(*)",
        "sentiment_sum": "COALESCE(SUM(m.sentiment), 0)",
        "sentiments": "COUNT(m.sentiment)",
    },
)


def _on_postgresql(*sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in sql:
                schema_editor.execute(statement)

    return run


def _place_fields() -> list:
    return [
        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
        ("journey_id", models.BigIntegerField()),
        ("stage_id", models.BigIntegerField(null=True)),
        ("touchpoint_id", models.BigIntegerField(null=True)),
        ("persona_id", models.BigIntegerField(null=True)),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("evidence", "0002_newest_quote_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="MetricSeries",
            fields=[
                *_place_fields(),
                ("kind", models.CharField(max_length=12)),
                ("name", models.CharField(max_length=120)),
                ("source", models.CharField(max_length=120)),
                ("newest_id", models.BigIntegerField()),
                ("size", models.IntegerField()),
            ],
            options={
                "indexes": [models.Index(fields=["journey_id"], name="series_of_journey")],
            },
        ),
        migrations.CreateModel(
            name="QuoteTally",
            fields=[
                *_place_fields(),
                ("count", models.IntegerField()),
                ("sentiment_sum", models.IntegerField()),
                ("sentiments", models.IntegerField()),
            ],
            options={
                "indexes": [models.Index(fields=["journey_id"], name="tally_of_journey")],
            },
        ),
        migrations.RunPython(
            _on_postgresql(SERIES_SQL[0], TALLY_SQL[0]),
            _on_postgresql(SERIES_SQL[1], TALLY_SQL[1]),
        ),
    ]

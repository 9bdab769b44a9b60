"""Hot queries compiled to SQL by the ORM once per process, then run with new values.

Django compiles a queryset to SQL anew on every evaluation. For the map's card query (friction
counts, worst severity, quote counts, some cells) that compilation cost 6 ms of processor time
on our reference machine, against 0.8 ms to run it; it runs on every edit, move and live push.
Even a journey's stages (`journey.stages.all()`, 8 rows) cost 1.65 ms through the ORM against
0.29 ms compiled once: every request reaches its membership, journey and map structure so.

`CompiledQuery` builds the queryset once with a marker in place of each value, has the ORM
compile it, remembers where each marker went among the SQL's parameters, and from then on runs
that SQL with the values of the call. The SQL is the ORM's own, so it means exactly what the
queryset means, on PostgreSQL and SQLite alike; model instances are built the way the ORM
builds them (its converters, `from_db`, `select_related` populators).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

# Markers are values no query of ours holds as a constant (ids are positive, ranks small, and
# no text holds a NUL: core.middleware strips them from every request).
_FIRST_MARKER = -7_000_000_000
_MARKERS = {
    int: lambda n: _FIRST_MARKER - n,
    str: lambda n: f"\x00compiled marker {n}\x00",
}


class _Constant:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


@dataclass
class _Compiled:
    sql: str
    slots: list
    # For model instances: how the ORM's ModelIterable turns a row into objects.
    model: type[Model] | None = None
    init_list: list | None = None
    model_columns: slice | None = None
    populators: list | None = None
    converters: list | None = None


class CompiledQuery:
    """`build(*values)` returns a queryset; `rows(*values)` its rows as tuples (for a
    `values_list()` queryset), `objects(*values)` its model instances.

    Values are numbers or text, and each must reach the SQL as a parameter of its own (a filter
    on a field, not an expression the ORM would fold). Queries of another shape (another
    number or type of values) are compiled once each.
    """

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._compiled: dict[tuple, _Compiled] = {}

    def rows(self, *values) -> list[tuple]:
        compiled = self._get(values, instances=False)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, self._params(compiled, values))
            return cursor.fetchall()

    def objects(self, *values) -> list[Model]:
        compiled = self._get(values, instances=True)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, self._params(compiled, values))
            rows = cursor.fetchall()
        objects = []
        for row in rows:
            if compiled.converters:
                row = _converted(row, compiled.converters)
            obj = compiled.model.from_db(
                connection.alias, compiled.init_list, row[compiled.model_columns]
            )
            for populator in compiled.populators:
                populator.populate(row, obj)
            objects.append(obj)
        return objects

    def first(self, *values) -> Model | None:
        """The first object, for a `build` that slices its queryset to one row."""
        return next(iter(self.objects(*values)), None)

    def _get(self, values: tuple, *, instances: bool) -> _Compiled:
        key = (connection.alias, connection.vendor, instances, tuple(map(type, values)))
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(values, instances)
        return compiled

    @staticmethod
    def _params(compiled: _Compiled, values: tuple) -> list:
        return [
            slot.value if isinstance(slot, _Constant) else values[slot] for slot in compiled.slots
        ]

    def _compile(self, values: tuple, instances: bool) -> _Compiled:
        markers = [_MARKERS[type(value)](n) for n, value in enumerate(values)]
        compiler = self.build(*markers).query.get_compiler(using=connection.alias)
        sql, params = compiler.as_sql()
        slots = [markers.index(p) if p in markers else _Constant(p) for p in params]
        missing = set(range(len(values))) - {slot for slot in slots if isinstance(slot, int)}
        if missing:
            raise ValueError(f"values {sorted(missing)} never reach the SQL as parameters")
        compiled = _Compiled(sql, slots)
        if instances:
            # As django.db.models.query.ModelIterable does, once rather than per query.
            select, klass_info = compiler.select, compiler.klass_info
            if compiler.annotation_col_map:
                raise ValueError("annotations are not carried onto compiled objects")
            columns = klass_info["select_fields"]
            compiled.model = klass_info["model"]
            compiled.model_columns = slice(columns[0], columns[-1] + 1)
            compiled.init_list = [
                column[0].target.attname for column in select[compiled.model_columns]
            ]
            compiled.populators = get_related_populators(klass_info, select, connection.alias)
            expressions = [column[0] for column in select[: compiler.col_count]]
            compiled.converters = list(compiler.get_converters(expressions).items())
        return compiled


def _converted(row: tuple, converters: list) -> tuple:
    """The row with the database's values turned into Python's (SQLite's dates, for one), as
    SQLCompiler.apply_converters does."""
    row = list(row)
    for position, (functions, expression) in converters:
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return tuple(row)


def padded(values: list) -> list:
    """`values` with its last one repeated up to a power of two in length, for a query that
    ORs a variable number of like conditions (a repeat changes nothing): compiled once per
    power of two rather than once per length. The cells a live push redraws may number
    anything up to the grid's, and compiling cost 5 ms each time (bench/load.py, py-spy)."""
    if not values:
        return values
    size = 1 << (len(values) - 1).bit_length()
    return [*values, *[values[-1]] * (size - len(values))]


def give_related(instance: Model, name: str, objects: list[Model]) -> None:
    """Give `instance` the rows of its related manager `name` (`note.comments.all()`) as
    `prefetch_related` would, when a compiled query has read them: its templates and methods
    then read them without a query."""
    queryset = getattr(instance, name).all()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[name] = queryset

"""Hot queries compiled to SQL by the ORM once per process, then run with new values.

Django compiles a queryset to SQL anew on every evaluation. For the map's card query (friction
counts, worst severity, quote counts, some cells) that compilation cost 6 ms of processor time
on our reference machine, against 0.8 ms to run it; it runs on every edit, move and live push.
`CompiledQuery` builds the queryset once with a marker in place of each value, has the ORM
compile it, remembers where each marker went among the SQL's parameters, and from then on runs
that SQL with the values of the call. The SQL is the ORM's own, so it means exactly what the
queryset means, on PostgreSQL and SQLite alike.
"""

from collections.abc import Callable

from django.db import connection
from django.db.models import QuerySet

# Markers are numbers no query of ours holds as a constant (ids are positive, ranks small).
_FIRST_MARKER = -7_000_000_000


class _Constant:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class CompiledQuery:
    """`build(*values)` returns a `values_list()` queryset; `rows(*values)` its rows as tuples.

    Values are numbers, and each must reach the SQL as a parameter of its own (a filter on a
    field, not an expression the ORM would fold). Queries of another shape (another number of
    values) are compiled once each.
    """

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._compiled: dict[tuple, tuple[str, list]] = {}

    def rows(self, *values: int) -> list[tuple]:
        key = (connection.vendor, len(values))
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(len(values))
        sql, slots = compiled
        params = [slot.value if isinstance(slot, _Constant) else values[slot] for slot in slots]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _compile(self, count: int) -> tuple[str, list]:
        markers = [_FIRST_MARKER - n for n in range(count)]
        sql, params = self.build(*markers).query.sql_with_params()
        slots = [markers.index(p) if p in markers else _Constant(p) for p in params]
        missing = set(range(count)) - {slot for slot in slots if isinstance(slot, int)}
        if missing:
            raise ValueError(f"values {sorted(missing)} never reach the SQL as parameters")
        return sql, slots

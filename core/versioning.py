"""Editing with teammates: no silent overwrite, and positions that stay 0..n-1.

Every editable row carries a `version`. A write names the version it started from; if the row has
moved on since, `StaleVersion` carries the row as it is now so the user can compare and choose
(core/conflicts.py answers it, the same way for every kind of row).
"""

from django.db import connection, models
from django.db.models import F
from django.utils import timezone


class StaleVersion(Exception):
    """Someone saved the row after the user loaded it; `current` is the row now, or None if gone."""

    def __init__(self, current):
        super().__init__("the row changed since it was loaded")
        self.current = current


def stamp(model: type[models.Model]) -> dict:
    """`updated_at` for the models that keep one: `QuerySet.update` skips `auto_now`."""
    names = {field.name for field in model._meta.concrete_fields}
    return {"updated_at": timezone.now()} if "updated_at" in names else {}


def update_if_current(row: models.Model, expected_version: int, **changes) -> bool:
    """Write `changes` and the next version in one UPDATE, only if the row is still at
    `expected_version`: two people saving at the same moment cannot both win. False, with
    nothing written, when someone saved first."""
    model = type(row)
    updated = model.objects.filter(pk=row.pk, version=expected_version).update(
        version=F("version") + 1, **changes, **stamp(model)
    )
    if updated:
        for name, value in changes.items():
            setattr(row, name, value)
        row.version = expected_version + 1
    return bool(updated)


def renumber(model: type[models.Model], *orders: tuple[list[int], dict[int, int]]) -> None:
    """Give each order's ids the positions 0..n-1 in one query, writing only the rows whose
    position changes; an order is (ids in their new order, their current positions)."""
    changed = [
        (pk, index)
        for ids_in_order, positions in orders
        for index, pk in enumerate(ids_in_order)
        if positions.get(pk) != index
    ]
    if not changed:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_update([model(pk=pk, position=at) for pk, at in changed], ["position"])
        return
    # One statement of one shape whatever the number of rows: `bulk_update` builds a CASE of a
    # WHEN per row through the ORM, a seventh of a card move's processor time.
    table, key = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            f'UPDATE "{table}" AS moved SET "position" = given.position'
            " FROM unnest(%s::bigint[], %s::integer[]) AS given(id, position)"
            f' WHERE moved."{key}" = given.id',
            [[pk for pk, _ in changed], [at for _, at in changed]],
        )


def insert_at(ids: list[int], pk: int, index: int) -> list[int]:
    """`ids` with `pk` at `index`, clamped to the list, so a position past the end means last."""
    index = max(0, min(index, len(ids)))
    return [*ids[:index], pk, *ids[index:]]


class Versioned:
    """For models whose rows carry a `version`: an edit names the version it started from."""

    def save_changes(self, expected_version: int, **changes) -> None:
        """Write `changes` if the row is still at `expected_version`; else raise StaleVersion
        with the row as it is now (None when it was deleted meanwhile)."""
        if not update_if_current(self, expected_version, **changes):
            raise StaleVersion(type(self).objects.filter(pk=self.pk).first())

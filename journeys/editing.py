"""Editing a journey with teammates: no silent overwrite, and positions that stay 0..n-1.

Every editable row carries a `version`. A write names the version it started from; if the row has
moved on since, `StaleVersion` carries the row as it is now so the user can compare and choose.
Changes of positions lock the journey row first, so two people reordering the same column or cell
queue up instead of interleaving.
"""

from django.apps import apps
from django.db import models, transaction
from django.db.models import F, Max
from django.utils import timezone

from journeys.keys import unique_key


class StaleVersion(Exception):
    """Someone saved the row after the user loaded it; `current` is the row now, or None if gone."""

    def __init__(self, current):
        super().__init__("the row changed since it was loaded")
        self.current = current


def lock_journey(journey_id: int) -> None:
    """Take the journey's row lock until the transaction ends, and mark the journey as changed."""
    journey_model = apps.get_model("journeys", "Journey")
    journey_model.objects.filter(pk=journey_id).update(updated_at=timezone.now())


def _stamp(model: type[models.Model]) -> dict:
    """`updated_at` for the models that keep one: `QuerySet.update` skips `auto_now`."""
    names = {field.name for field in model._meta.concrete_fields}
    return {"updated_at": timezone.now()} if "updated_at" in names else {}


def update_if_current(row: models.Model, expected_version: int, **changes) -> bool:
    """Write `changes` and the next version in one UPDATE, only if the row is still at
    `expected_version`: two people saving at the same moment cannot both win. False, with
    nothing written, when someone saved first."""
    model = type(row)
    updated = model.objects.filter(pk=row.pk, version=expected_version).update(
        version=F("version") + 1, **changes, **_stamp(model)
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
        model(pk=pk, position=index)
        for ids_in_order, positions in orders
        for index, pk in enumerate(ids_in_order)
        if positions.get(pk) != index
    ]
    if changed:
        model.objects.bulk_update(changed, ["position"])


def insert_at(ids: list[int], pk: int, index: int) -> list[int]:
    """`ids` with `pk` at `index`, clamped to the list, so a position past the end means last."""
    index = max(0, min(index, len(ids)))
    return [*ids[:index], pk, *ids[index:]]


class Versioned:
    """For models with `version`, `position` and a journey: edits and moves that never overwrite.

    A model says which rows share its positions by `siblings()` (a stage's journey, a card's cell).
    """

    def siblings(self) -> models.QuerySet:
        raise NotImplementedError

    @classmethod
    def create_last(cls, journey_id: int, key_base: str, **fields):
        """A new row after its last sibling, with a key unique in the journey's file."""
        with transaction.atomic():
            lock_journey(journey_id)
            row = cls(journey_id=journey_id, **fields)
            taken = set(cls.objects.filter(journey_id=journey_id).values_list("key", flat=True))
            row.key = unique_key(key_base, taken)
            last = row.siblings().aggregate(last=Max("position"))["last"]
            row.position = 0 if last is None else last + 1
            row.save()
        return row

    def save_changes(self, expected_version: int, **changes) -> None:
        """Write `changes` if the row is still at `expected_version`; else raise StaleVersion."""
        with transaction.atomic():
            lock_journey(self.journey_id)
            if not update_if_current(self, expected_version, **changes):
                raise StaleVersion(type(self).objects.filter(pk=self.pk).first())

    def move_to(self, index: int, expected_version: int, **container) -> None:
        """Put the row at `index` among its siblings, in a new container if `container` names one
        (a card's stage and channel); both the old and the new container are renumbered.

        `self` is the row as the user saw it: the version check guarantees that its container
        is still the one they moved it from.
        """
        model = type(self)
        old_siblings = self.siblings()
        moved_away = any(getattr(self, name) != value for name, value in container.items())
        with transaction.atomic():
            lock_journey(self.journey_id)
            updated = model.objects.filter(pk=self.pk, version=expected_version).update(
                version=F("version") + 1, **container, **_stamp(model)
            )
            if not updated:
                raise StaleVersion(model.objects.filter(pk=self.pk).first())
            for name, value in container.items():
                setattr(self, name, value)
            self.version = expected_version + 1
            new = dict(self.siblings().values_list("pk", "position"))
            ids = insert_at([pk for pk in new if pk != self.pk], self.pk, index)
            self.position = ids.index(self.pk)
            orders = [(ids, new)]
            if moved_away:
                old = dict(old_siblings.values_list("pk", "position"))
                orders.append((list(old), old))
            renumber(model, *orders)

    def remove_from_siblings(self) -> None:
        """Delete the row and close the gap it leaves among its siblings."""
        model = type(self)
        with transaction.atomic():
            lock_journey(self.journey_id)
            self.delete()
            rest = dict(self.siblings().values_list("pk", "position"))
            renumber(model, (list(rest), rest))

"""Parts of a journey that keep an order and a version: stages, channels and touchpoint cards.

Changes of positions lock first, so two people reordering the same stages or cell queue up
instead of interleaving: the journey's row, or for a card's move only its two cells
(touchpoints/models.py). Edits of a row's fields lock nothing more. Every write names the
version it started from (core/versioning.py), so nobody silently overwrites a teammate.
"""

import time
from datetime import timedelta
from functools import partial

from django.db import connection, models, transaction
from django.db.models import F, Max
from django.utils import timezone

from core.keys import unique_key
from core.versioning import StaleVersion, Versioned, insert_at, renumber, stamp

# How exact a journey's "changed" time is after edits and moves of its parts.
MARK_EVERY_SECONDS = 1.0
# When this process last marked each journey as changed (time.monotonic()).
_marked: dict[int, float] = {}


class JourneyPart(Versioned):
    """For models with `version`, `position` and a journey: edits and moves that never overwrite.

    A model says which rows share its positions by `siblings()` (a stage's journey, a card's cell).
    """

    # The partial a page without JavaScript draws a header in (maps/structure_views.py), read by
    # the map for every stage and channel: declared, so that the lookup never fails, as a
    # failed one costs the template engine a `dir()` of the row (a tenth of the grid's time).
    editing = ""

    def siblings(self) -> models.QuerySet:
        raise NotImplementedError

    def sibling_positions(self) -> dict[int, int]:
        """The positions of the rows sharing the row's container, by id, in their order."""
        return dict(self.siblings().values_list("pk", "position"))

    def ensure_room(self, *, moving: bool = False, neighbours: int | None = None) -> None:
        """Raise core.limits.LimitReached if the row's container is full (called under the
        journey's lock, so two additions at once cannot both take the last place); `moving`:
        the row was just moved there from another container of the same journey, which holds
        `neighbours` other rows when the caller has counted them."""
        raise NotImplementedError

    @classmethod
    def lock_journey(cls, journey_id: int) -> None:
        """Take the journey's row lock until the transaction ends, and mark it as changed. On
        PostgreSQL the lock is FOR UPDATE, the one that waits for moves of cards in progress
        (`lock_for_move`) and holds up new ones."""
        journey_model = cls._meta.get_field("journey").related_model
        if connection.vendor != "postgresql":  # a write: SQLite's lock of the whole database
            journey_model.objects.filter(pk=journey_id).update(updated_at=timezone.now())
            return
        table = journey_model._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET updated_at = %s"  # noqa: S608 (a model's table)
                f" WHERE id = (SELECT id FROM {table} WHERE id = %s FOR UPDATE)",
                [timezone.now(), journey_id],
            )

    def lock_for_move(self, container: dict) -> None:
        """What a move locks before it renumbers: the journey (a stage, a channel); a card
        locks less (touchpoints/models.py)."""
        self.lock_journey(self.journey_id)

    @classmethod
    def mark_changed(cls, journey_id: int) -> None:
        """Mark the journey as changed now, unless it was within MARK_EVERY_SECONDS: then
        nothing is written, and when this process marked it nothing is asked of the database.
        A statement after every edit and move delayed each one's notification to open maps,
        sent after it, by about 2 ms (bench/live.py)."""
        moment = time.monotonic()
        if moment - _marked.get(journey_id, -MARK_EVERY_SECONDS) < MARK_EVERY_SECONDS:
            return
        if len(_marked) > 10_000:  # the journeys of a long-running process
            _marked.clear()
        _marked[journey_id] = moment
        journey_model = cls._meta.get_field("journey").related_model
        now = timezone.now()
        journey_model.objects.filter(
            pk=journey_id, updated_at__lt=now - timedelta(seconds=MARK_EVERY_SECONDS)
        ).update(updated_at=now)

    @classmethod
    def create_last(cls, journey_id: int, key_base: str, **fields):
        """A new row after its last sibling, with a key unique in the journey's file."""
        with transaction.atomic():
            cls.lock_journey(journey_id)
            row = cls(journey_id=journey_id, **fields)
            row.ensure_room()
            taken = set(cls.objects.filter(journey_id=journey_id).values_list("key", flat=True))
            row.key = unique_key(key_base, taken)
            last = row.siblings().aggregate(last=Max("position"))["last"]
            row.position = 0 if last is None else last + 1
            row.save()
        return row

    def save_changes(self, expected_version: int, **changes) -> None:
        """Change fields, not places: the version check is the whole guard. The journey is
        marked as changed once the edit is committed, in a statement of its own: inside the
        edit's transaction its row lock made every teammate's edit queue behind the others'
        (and behind any pause of the process holding it), up to a second under 50 editors
        (docs/benchmarks.md)."""
        super().save_changes(expected_version, **changes)
        transaction.on_commit(partial(self.mark_changed, self.journey_id))

    def move_to(self, index: int, expected_version: int, **container) -> None:
        """Put the row at `index` among its siblings, in a new container if `container` names one
        (a card's stage and channel); both the old and the new container are renumbered.

        `self` is the row as the user saw it: the version check guarantees that its container
        is still the one they moved it from.
        """
        model = type(self)
        moved_away = any(getattr(self, name) != value for name, value in container.items())
        with transaction.atomic():
            self.lock_for_move(container)
            updated = model.objects.filter(pk=self.pk, version=expected_version).update(
                version=F("version") + 1, **container, **stamp(model)
            )
            if not updated:
                raise StaleVersion(model.objects.filter(pk=self.pk).first())
            # The row has left its old container: what stays there, in its order.
            old = self.sibling_positions() if moved_away else None
            for name, value in container.items():
                setattr(self, name, value)
            new = self.sibling_positions()
            if moved_away:
                # Undone with the rest of the move if the new container is full.
                self.ensure_room(moving=True, neighbours=len(new) - 1)
            self.version = expected_version + 1
            ids = insert_at([pk for pk in new if pk != self.pk], self.pk, index)
            self.position = ids.index(self.pk)
            orders = [(ids, new)]
            if moved_away:
                orders.append((list(old), old))
            renumber(model, *orders)

    def remove_from_siblings(self) -> None:
        """Delete the row and close the gap it leaves among its siblings."""
        model = type(self)
        with transaction.atomic():
            self.lock_journey(self.journey_id)
            self.delete()
            rest = dict(self.siblings().values_list("pk", "position"))
            renumber(model, (list(rest), rest))

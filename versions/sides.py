"""The two sides of a comparison, named in the address: `current` (the journey as it is now),
a version's id, or `pair` (the other journey of an as-is/to-be pair, as it is now)."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from journeys.models import Journey
from maps.interchange.exporting import export_journey
from versions.pairs import AS_IS, counterpart

CURRENT, PAIR = "current", "pair"


class UnknownSide(LookupError):
    pass


@dataclass
class Side:
    ref: str
    label: str
    document: dict
    when: datetime | None = None


def load_side(journey: Journey, ref: str) -> Side:
    """The side named `ref` of a comparison on `journey`; UnknownSide when there is none."""
    if ref == CURRENT:
        return Side(CURRENT, _("Now"), export_journey(journey))
    if ref == PAIR:
        other = counterpart(journey)
        if other is None:
            raise UnknownSide(ref)
        label = _("As-is") if other.role == AS_IS else _("To-be")
        return Side(PAIR, label, export_journey(other.journey))
    version = None
    if ref.isascii() and ref.isdigit():
        version = journey.versions.filter(pk=ref).first()
    if version is None:
        raise UnknownSide(ref)
    return Side(ref, version.label, version.document(), version.created_at)


def own_label(journey: Journey) -> str:
    """What the journey itself is called beside its pair: As-is, To-be, or Now."""
    other = counterpart(journey)
    if other is None:
        return _("Now")
    return _("To-be") if other.role == AS_IS else _("As-is")

"""As-is and to-be: the journey customers live today and the one the team designs.

"Design the to-be journey" copies the as-is through its journey file, drawn for the same
personas (not copies of them), and links the two. Promoting the to-be writes it over the as-is
in place, after a snapshot of the as-is: the as-is keeps its address, its versions and its
history, and the to-be, now the as-is, is deleted.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from core.compiled import CompiledQuery
from journeys.models import Journey
from maps.interchange.exporting import export_journey
from maps.interchange.importing import import_journey
from versions.models import JourneyPair, Version, document_bytes
from versions.snapshots import take_snapshot, write_over

AS_IS, TO_BE = "as_is", "to_be"


@dataclass(frozen=True)
class Counterpart:
    """The other journey of a pair, seen from one of them."""

    pair: JourneyPair
    role: str  # what the *other* journey is: AS_IS or TO_BE
    journey: Journey


def counterpart(journey: Journey) -> Counterpart | None:
    """The other journey of `journey`'s pair, read once per journey instance: whoever read it
    first (a view, the benchmark's template floor) spares the map's template a query."""
    if not hasattr(journey, "_counterpart"):
        journey._counterpart = _read_counterpart(journey)
    return journey._counterpart


# Read by every map page: compiled once (core/compiled.py says why).
_PAIR = CompiledQuery(
    lambda as_is, to_be: (
        JourneyPair.objects.filter(Q(as_is=as_is) | Q(to_be=to_be))
        .select_related("as_is", "to_be")
        .order_by("pk")[:1]
    )
)


def _read_counterpart(journey: Journey) -> Counterpart | None:
    pair = _PAIR.first(journey.pk, journey.pk)
    if pair is None:
        return None
    if pair.as_is_id == journey.pk:
        return Counterpart(pair, TO_BE, pair.to_be)
    return Counterpart(pair, AS_IS, pair.as_is)


def pairs_of(journeys) -> dict[int, Counterpart]:
    """Each journey's counterpart, for a list of journeys: one query."""
    ids = [journey.pk for journey in journeys]
    found = {}
    pairs = JourneyPair.objects.filter(Q(as_is__in=ids) | Q(to_be__in=ids)).select_related(
        "as_is", "to_be"
    )
    for pair in pairs:
        found[pair.as_is_id] = Counterpart(pair, TO_BE, pair.to_be)
        found[pair.to_be_id] = Counterpart(pair, AS_IS, pair.as_is)
    return found


def design_to_be(as_is: Journey, user=None) -> Journey:
    """The to-be of `as_is`: the existing one, or a linked copy made now."""
    with transaction.atomic():
        Journey.objects.select_for_update().filter(pk=as_is.pk).first()
        existing = JourneyPair.objects.filter(as_is=as_is).select_related("to_be").first()
        if existing:
            return existing.to_be
        document = export_journey(as_is)
        with translation.override(as_is.language):
            document["journey"]["title"] = _("%(title)s (to-be)") % {"title": as_is.title}
        links = as_is.journey_personas.select_related("persona")
        to_be = import_journey(
            as_is.workspace,
            document_bytes(document),
            user,
            reuse_personas={link.key: link.persona for link in links},
        )
        JourneyPair.objects.create(as_is=as_is, to_be=to_be)
    return to_be


def promote(to_be: Journey, user=None) -> Journey:
    """The to-be written over its as-is (kept as a version first); gives the as-is."""
    with transaction.atomic():
        pair = JourneyPair.objects.select_for_update().select_related("as_is").get(to_be=to_be)
        as_is = pair.as_is
        take_snapshot(
            as_is,
            _("As-is before the to-be replaced it"),
            user,
            Version.Kind.BEFORE_PROMOTION,
        )
        document = export_journey(to_be)
        document["journey"]["title"] = as_is.title
        persona_ids = {link.key: link.persona_id for link in to_be.journey_personas.all()}
        write_over(as_is, document_bytes(document), persona_ids, user)
        to_be.delete()
    return as_is

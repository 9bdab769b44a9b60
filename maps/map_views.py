"""The map page: a journey's grid for one persona, its emotion curve, and the personas drawn in
it. The edits made on the map are in structure_views, touchpoint_views and friction_views."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.htmx import HtmxHttpRequest, render_htmx, targeted
from journeys.access import get_journey
from journeys.forms import JourneyPersonaForm
from journeys.models import Activity, Journey
from maps.curves import emotion_curve
from maps.evidence_views import evidence_extra
from maps.responses import back_to_map, render_map
from maps.swimlanes import CellKey, load_cells, load_map
from touchpoints.forms import TouchpointForm
from workspaces.models import Action


@login_required
@require_safe
def journey_detail(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The map. `?persona=<key>` chooses the persona; `?card=<id>` opens a card's panel, on its
    persona's map, so a link to a card (from the friction board, a message) lands on it."""
    journey, membership = get_journey(request.user, slug, pk, Action.READ)
    adding = request.GET.get("add", "")
    cell_id = request.GET.get("cell") or adding
    if request.htmx and cell_id and request.htmx.target == cell_id:
        return _one_cell(request, membership, journey, cell_id, adding=bool(adding))
    touchpoint = _linked_touchpoint(journey, request.GET.get("card"))
    journey_map = load_map(
        journey,
        request.GET.get("persona"),
        persona_id=touchpoint.persona_id if touchpoint else None,
    )
    partial = targeted(request, "map_summary", "map_grid", "persona_bar")
    extra = {"adding": adding}
    if touchpoint:
        extra |= {
            "touchpoint": touchpoint,
            "form": TouchpointForm(instance=touchpoint),
            "open_friction": _linked_id(request.GET.get("friction")),
        }
    if not partial:
        extra |= evidence_extra(journey_map, request.GET, touchpoint)
    return render_map(request, membership, journey_map, partial, **extra)


def _one_cell(request, membership, journey, cell_id: str, *, adding: bool) -> HttpResponse:
    """A cell asked for on its own: with its "add a card" form, or back without it."""
    key = CellKey.from_dom_id(cell_id)
    journey_map = load_map(journey, request.GET.get("persona"), with_touchpoints=False)
    cells = load_cells(journey_map, {key}) if key and journey_map.chosen else []
    if not cells:
        raise Http404
    adding_id = cell_id if adding else ""
    return render_map(request, membership, journey_map, "cell", cell=cells[0], adding=adding_id)


def _linked_id(value: str | None) -> int | None:
    return int(value) if value and value.isascii() and value.isdigit() else None


def _linked_touchpoint(journey: Journey, card_pk: str | None):
    card_pk = _linked_id(card_pk)
    return journey.touchpoints.filter(pk=card_pk).first() if card_pk else None


@login_required
@require_POST
def journey_persona_add(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    form = JourneyPersonaForm(request.POST, journey=journey)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["persona"]))
        return back_to_map(request, journey, request.POST.get("current", ""))
    link = journey.add_persona(form.cleaned_data["persona"])
    Activity.record(request.user, Activity.Verb.UPDATED, journey, journey=journey)
    messages.success(
        request,
        _("%(persona)s now has a map in this journey.") % {"persona": link.persona.name},
    )
    return back_to_map(request, journey, link.key)


@login_required
@require_POST
def journey_persona_remove(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Taking a persona out of a journey deletes its cards there: ask first if it has any."""
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    form = JourneyPersonaForm(request.POST, journey=journey)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["persona"]))
        return back_to_map(request, journey)
    persona = form.cleaned_data["persona"]
    cards = journey.touchpoints.filter(persona=persona).count()
    if cards and not request.POST.get("confirm"):
        journey_map = load_map(
            journey, request.POST.get("current"), with_touchpoints=not request.htmx
        )
        return render_map(
            request, membership, journey_map, "persona_remove", leaving=persona, cards=cards
        )
    journey.remove_persona(persona)
    Activity.record(request.user, Activity.Verb.UPDATED, journey, journey=journey)
    messages.success(
        request,
        _("%(persona)s is no longer in this journey.") % {"persona": persona.name},
    )
    return back_to_map(request, journey)


@login_required
@require_safe
def journey_curve(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The emotion curve of one persona (`?persona=<key>`) or of all of them (`?persona=all`)."""
    journey, membership = get_journey(request.user, slug, pk, Action.READ)
    curve = emotion_curve(journey, request.GET.get("persona", ""), request.GET.get("chosen", ""))
    context = {"workspace": membership.workspace, "journey": journey, "curve": curve}
    return render_htmx(request, "journeys/curve.html", context, partial="emotion_curve")

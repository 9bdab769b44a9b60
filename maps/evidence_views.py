"""Evidence on the map: the figures and quotes of a card or a stage in the side panel, their
deletion, and "Turn into a friction note". The import is in evidence_import_views."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.htmx import HtmxHttpRequest
from evidence.models import Metric, Verbatim
from journeys.access import get_journey, get_stage
from journeys.models import Activity
from maps.evidence_panel import panel_evidence
from maps.responses import back_to_map, map_changed, render_map, touchpoint_map
from maps.swimlanes import CellKey, load_cells, load_map
from touchpoints.access import get_touchpoint
from touchpoints.forms import TouchpointForm
from workspaces.models import Action

PANEL = "evidence/panel.html"


def evidence_extra(journey_map, query, touchpoint=None) -> dict:
    """What journey_detail adds for an open panel: a card's evidence (`?card=`), or a stage's
    (`?stage=`), with `?sentiment=` filtering the quotes."""
    sentiment = query.get("sentiment", "")
    if touchpoint is not None:
        return {
            "evidence": panel_evidence(
                journey_map.journey, touchpoint=touchpoint, sentiment=sentiment
            )
        }
    stage_pk = query.get("stage", "")
    stage = next((s for s in journey_map.stages if str(s.pk) == stage_pk), None)
    if stage is None or journey_map.chosen is None:
        return {}
    return _stage_context(journey_map, stage, sentiment)


def _stage_context(journey_map, stage, sentiment: str) -> dict:
    persona_id = journey_map.chosen.persona_id if journey_map.chosen else None
    evidence = panel_evidence(
        journey_map.journey, stage=stage, persona_id=persona_id, sentiment=sentiment
    )
    cards = journey_map.journey.touchpoints.filter(stage=stage, persona_id=persona_id)
    return {"panel_stage": stage, "evidence": evidence, "stage_cards": list(cards)}


@login_required
@require_safe
def card_evidence(request: HtmxHttpRequest, slug: str, pk: int, card_pk: int) -> HttpResponse:
    """A card's figures and quotes; `?sentiment=` filters the quotes."""
    touchpoint, membership = get_touchpoint(request.user, slug, pk, card_pk, Action.READ)
    sentiment = request.GET.get("sentiment", "")
    if not request.htmx:
        query = (
            {"card": touchpoint.pk, "sentiment": sentiment}
            if sentiment
            else {"card": touchpoint.pk}
        )
        return back_to_map(request, touchpoint.journey, **query)
    journey_map = load_map(
        touchpoint.journey, None, persona_id=touchpoint.persona_id, with_touchpoints=False
    )
    return _card_panel(request, membership, journey_map, touchpoint, sentiment)


def _card_panel(request, membership, journey_map, touchpoint, sentiment: str = ""):
    """The evidence part of a card's panel."""
    evidence = panel_evidence(journey_map.journey, touchpoint=touchpoint, sentiment=sentiment)
    return render_map(
        request,
        membership,
        journey_map,
        f"{PANEL}#card_evidence",
        touchpoint=touchpoint,
        evidence=evidence,
    )


@login_required
@require_safe
def stage_evidence(request: HtmxHttpRequest, slug: str, pk: int, part_pk: int) -> HttpResponse:
    """A stage's figures and quotes in the side panel."""
    stage, membership = get_stage(request.user, slug, pk, part_pk, Action.READ)
    persona = request.GET.get("persona", "")
    sentiment = request.GET.get("sentiment", "")
    if not request.htmx:
        query = {"stage": stage.pk, "sentiment": sentiment} if sentiment else {"stage": stage.pk}
        return back_to_map(request, stage.journey, persona, **query)
    journey_map = load_map(stage.journey, persona, with_touchpoints=False)
    context = _stage_context(journey_map, stage, sentiment)
    return render_map(request, membership, journey_map, f"{PANEL}#stage_panel", **context)


@login_required
@require_POST
def verbatim_friction(request: HtmxHttpRequest, slug: str, pk: int, quote_pk: int) -> HttpResponse:
    """Turn a quote into a friction note that cites it, on its card (a stage's quote: on the
    card of the stage the user picks); the card's panel opens on the new note."""
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    quote = get_object_or_404(Verbatim.objects.filter(journey=journey), pk=quote_pk)
    touchpoint = quote.touchpoint
    if touchpoint is None:
        card_pk = request.POST.get("touchpoint", "")
        cards = journey.touchpoints.filter(stage_id=quote.stage_id)
        touchpoint = cards.filter(pk=card_pk).first() if card_pk.isdigit() else None
        if touchpoint is None:
            messages.error(request, _("Choose the card of this stage the friction is on."))
            return back_to_map(
                request, journey, request.POST.get("persona", ""), stage=quote.stage_id
            )
    touchpoint.journey = journey
    note = quote.turn_into_friction(touchpoint, request.user)
    Activity.record(request.user, Activity.Verb.CREATED, note, journey=journey)
    messages.success(
        request, _("Friction note “%(title)s” added to the card.") % {"title": note.title}
    )
    if not request.htmx:
        return back_to_map(request, journey, card=touchpoint.pk, friction=note.pk)
    journey_map = touchpoint_map(request, touchpoint)
    response = render_map(
        request,
        membership,
        journey_map,
        "card_changes",
        cells=load_cells(journey_map, {CellKey.of(touchpoint)}),
        touchpoint=touchpoint,
        form=TouchpointForm(instance=touchpoint),
        open_friction=note.pk,
        evidence=panel_evidence(journey, touchpoint=touchpoint),
    )
    return map_changed(response)


@login_required
@require_POST
def evidence_delete(
    request: HtmxHttpRequest, slug: str, pk: int, kind: str, item_pk: int
) -> HttpResponse:
    """Delete a metric or a quote; the panel it was in is drawn again."""
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    model = {"metrics": Metric, "quotes": Verbatim}.get(kind)
    if model is None:
        raise Http404
    item = get_object_or_404(model.objects.filter(journey=journey), pk=item_pk)
    item.delete()
    messages.success(request, _("Deleted from the map's evidence."))
    persona = request.POST.get("persona", "")
    if item.touchpoint_id:
        if not request.htmx:
            return back_to_map(request, journey, persona, card=item.touchpoint_id)
        touchpoint = journey.touchpoints.get(pk=item.touchpoint_id)
        touchpoint.journey = journey
        journey_map = touchpoint_map(request, touchpoint)
        return map_changed(_card_panel(request, membership, journey_map, touchpoint))
    if not request.htmx:
        return back_to_map(request, journey, persona, stage=item.stage_id)
    journey_map = load_map(journey, persona, with_touchpoints=False)
    stage = next(s for s in journey_map.stages if s.pk == item.stage_id)
    context = _stage_context(journey_map, stage, "")
    return map_changed(
        render_map(request, membership, journey_map, f"{PANEL}#stage_panel", **context)
    )

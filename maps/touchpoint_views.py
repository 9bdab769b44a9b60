"""Touchpoint cards on the map: add in a cell, open, edit, move, delete with undo.

A card's changes answer with what changed on the page: its cells, drawn again out of band, and
the card panel; `mapChanged` tells the summary row and the curve to follow.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import reswap

from core.conflicts import CONFLICT_STATUS, stale_edit
from core.htmx import HtmxHttpRequest
from core.versioning import StaleVersion
from journeys.access import find_in_journey, get_journey
from journeys.models import Activity
from maps.responses import back_to_map, map_changed, message_only, render_map, touchpoint_map
from maps.swimlanes import CellKey, load_cells, load_map
from touchpoints.access import get_touchpoint
from touchpoints.forms import MoveTouchpointForm, NewTouchpointForm, TouchpointForm
from touchpoints.models import Touchpoint
from touchpoints.undo import (
    UNDO_SECONDS,
    AlreadyRestored,
    CannotRestore,
    delete_with_undo,
    restore,
)
from workspaces.models import Action

CARD_PANEL = "touchpoints/card_panel.html#card_panel"


def _touchpoint_changes(
    request, membership, journey_map, cells, *, status=200, touchpoint=None, **extra
):
    """The card panel (when the change came from it) and the changed cells, out of band."""
    if not request.htmx:
        query = {"card": touchpoint.pk} if touchpoint else {}
        return back_to_map(request, journey_map.journey, journey_map.chosen.key, **query)
    cells = load_cells(journey_map, cells)
    if touchpoint:
        journey_map.place(touchpoint)
    response = render_map(
        request,
        membership,
        journey_map,
        "card_changes",
        status=status,
        cells=cells,
        touchpoint=touchpoint,
        **extra,
    )
    return map_changed(response)


def _errors(form) -> str:
    return " ".join(message for messages in form.errors.values() for message in messages)


@login_required
@require_POST
def touchpoint_add(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    key = request.POST.get("persona", "")
    journey_map = load_map(journey, key, with_touchpoints=not request.htmx)
    form = NewTouchpointForm(request.POST, journey_map=journey_map)
    form.is_valid()
    if journey_map.chosen is None or journey_map.chosen.key != key:
        form.add_error(None, _("Choose a persona of this journey first."))
    if "stage" in form.errors or "channel" in form.errors or form.non_field_errors():
        messages.error(request, _errors(form))
        return message_only(request, membership, journey_map)
    stage, channel = form.cell()
    touchpoint = None
    if not form.errors:
        title = form.cleaned_data["title"]
        touchpoint = Touchpoint.create_last(
            journey.pk,
            title,
            persona_id=journey_map.chosen.persona_id,
            stage=stage,
            channel=channel,
            title=title,
        )
        Activity.record(request.user, Activity.Verb.CREATED, touchpoint, journey=journey)
    if not request.htmx:
        if touchpoint:
            return back_to_map(request, journey, journey_map.chosen.key)
        return render_map(request, membership, journey_map, status=400, add_form=form)
    # The form sits in its cell: the cell comes back, with the new card or with the error.
    [cell] = load_cells(journey_map, {CellKey(stage.pk, channel.pk)})
    context = {"cell": cell} if touchpoint else {"cell": cell, "add_form": form}
    response = render_map(
        request, membership, journey_map, "cell", status=400 if form.errors else 200, **context
    )
    return map_changed(response) if touchpoint else response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def touchpoint_detail(request: HtmxHttpRequest, slug: str, pk: int, card_pk: int) -> HttpResponse:
    """GET: the card panel. POST: save its editor, unless someone saved the card meanwhile."""
    if request.method == "POST":
        return _save_touchpoint(request, slug, pk, card_pk)
    touchpoint, membership = get_touchpoint(request.user, slug, pk, card_pk, Action.READ)
    if not request.htmx:
        return back_to_map(request, touchpoint.journey, touchpoint=touchpoint.pk)
    journey_map = touchpoint_map(request, touchpoint)
    form = TouchpointForm(instance=touchpoint)
    return render_map(
        request, membership, journey_map, CARD_PANEL, touchpoint=touchpoint, form=form
    )


def _save_touchpoint(request: HtmxHttpRequest, slug: str, pk: int, card_pk: int) -> HttpResponse:
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    touchpoint = find_in_journey(journey, "touchpoints", card_pk)
    if touchpoint is None:
        return _gone(request, membership, journey)
    journey_map = touchpoint_map(request, touchpoint)
    form = TouchpointForm(request.POST, instance=touchpoint)
    if not form.is_valid():
        return render_map(
            request,
            membership,
            journey_map,
            CARD_PANEL,
            status=400,
            touchpoint=touchpoint,
            form=form,
        )
    try:
        touchpoint.save_changes(form.cleaned_data["version"], **form.changes())
    except StaleVersion as stale:
        if stale.current is None:
            return _gone(request, membership, journey)
        return _conflict(request, membership, journey_map, form, stale.current)
    Activity.record(request.user, Activity.Verb.UPDATED, touchpoint, journey=journey)
    if not request.htmx:
        return back_to_map(request, journey, journey_map.chosen.key, touchpoint=touchpoint.pk)
    cells = load_cells(journey_map, {CellKey.of(touchpoint)})
    response = render_map(
        request,
        membership,
        journey_map,
        "card_saved",
        touchpoint=touchpoint,
        cells=cells,
        saved=True,
    )
    return map_changed(reswap(response, "none"))


def _gone(request, membership, journey) -> HttpResponse:
    """The card was deleted while the user typed: give their text back instead of a 404 (on
    the whole map without JavaScript)."""
    journey_map = load_map(journey, None, with_touchpoints=not request.htmx)
    partial = "touchpoints/card_panel.html#card_gone"
    return render_map(
        request, membership, journey_map, partial, status=CONFLICT_STATUS, mine=request.POST
    )


def _conflict(request, membership, journey_map, form, current) -> HttpResponse:
    """Someone saved the card first (core/conflicts.py): the user's text stays in the form
    beside theirs; the card on the grid shows theirs too. Without JavaScript, the whole map
    comes back with the panel in that state."""
    current.journey = journey_map.journey
    journey_map.place(current)
    mine, conflict = stale_edit(form, current)
    context = {"touchpoint": current, "form": mine, "conflict": conflict}
    if not request.htmx:
        return render_map(request, membership, journey_map, status=CONFLICT_STATUS, **context)
    cells = {CellKey.of(current)}
    return _touchpoint_changes(
        request, membership, journey_map, cells, status=CONFLICT_STATUS, **context
    )


@login_required
@require_POST
def touchpoint_move(request: HtmxHttpRequest, slug: str, pk: int, card_pk: int) -> HttpResponse:
    touchpoint, membership = get_touchpoint(request.user, slug, pk, card_pk, Action.EDIT)
    journey_map = touchpoint_map(request, touchpoint)
    form = MoveTouchpointForm(request.POST, journey_map=journey_map)
    if not form.is_valid():
        messages.error(request, _errors(form))
        return message_only(request, membership, journey_map)
    stage, channel = form.cell()
    cells = {CellKey.of(touchpoint), CellKey(stage.pk, channel.pk)}
    try:
        touchpoint.move_to(
            form.cleaned_data["position"],
            form.cleaned_data["version"],
            stage_id=stage.pk,
            channel_id=channel.pk,
        )
    except StaleVersion as stale:
        messages.warning(
            request,
            _("Someone else moved or changed “%(title)s” just before you; the map shows it now.")
            % {"title": touchpoint.title},
        )
        if stale.current:
            cells.add(CellKey.of(stale.current))
        return _touchpoint_changes(request, membership, journey_map, cells, status=CONFLICT_STATUS)
    Activity.record(request.user, Activity.Verb.MOVED, touchpoint, journey=touchpoint.journey)
    if request.htmx and request.htmx.target != "card_panel":
        # A drag on the grid: the cells are all that changed on screen.
        return _touchpoint_changes(request, membership, journey_map, cells)
    form = TouchpointForm(instance=touchpoint)
    return _touchpoint_changes(
        request, membership, journey_map, cells, touchpoint=touchpoint, form=form, moved=True
    )


@login_required
@require_POST
def touchpoint_delete(request: HtmxHttpRequest, slug: str, pk: int, card_pk: int) -> HttpResponse:
    touchpoint, membership = get_touchpoint(request.user, slug, pk, card_pk, Action.EDIT)
    journey_map = touchpoint_map(request, touchpoint)
    token = delete_with_undo(touchpoint)
    Activity.record(request.user, Activity.Verb.DELETED, touchpoint, journey=touchpoint.journey)
    if not request.htmx:
        messages.success(request, _("Card “%(title)s” deleted.") % {"title": touchpoint.title})
    undo = {"token": token, "title": touchpoint.title, "seconds": UNDO_SECONDS}
    cells = {CellKey.of(touchpoint)}
    return _touchpoint_changes(request, membership, journey_map, cells, undo=undo, closed=True)


@login_required
@require_POST
def touchpoint_restore(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    try:
        touchpoint = restore(request.POST.get("token", ""), journey)
    except AlreadyRestored:
        messages.error(request, _("This card was already restored."))
        return message_only(request, membership, load_map(journey, None, with_touchpoints=False))
    except CannotRestore:
        messages.error(request, _("This card can no longer be restored."))
        return message_only(request, membership, load_map(journey, None, with_touchpoints=False))
    touchpoint.journey = journey
    Activity.record(request.user, Activity.Verb.CREATED, touchpoint, journey=journey)
    messages.success(request, _("Card “%(title)s” restored.") % {"title": touchpoint.title})
    journey_map = touchpoint_map(request, touchpoint)
    return _touchpoint_changes(request, membership, journey_map, {CellKey.of(touchpoint)})

"""Stages (columns) and channels (swimlanes) of the map: add, rename, reorder, delete.

Both axes of the grid behave the same way, so one set of views serves both; `Axis` says which
model, forms and access helper a URL works on.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import reswap, retarget

from core.conflicts import CONFLICT_STATUS, deleted_meanwhile, stale_edit
from core.htmx import HtmxHttpRequest
from core.versioning import StaleVersion
from journeys.access import find_in_journey, get_channel, get_journey, get_stage
from journeys.forms import ChannelForm, NewChannelForm, NewStageForm, PositionForm, StageForm
from journeys.models import Activity, Channel, Stage
from maps.responses import back_to_map, grid_changed, map_changed, render_map
from maps.swimlanes import load_map
from workspaces.models import Action


@dataclass(frozen=True)
class Axis:
    """One axis of the grid: its model, forms and access helper, and the partials of
    journeys/map.html that draw its headers (each also the id of the element it replaces)."""

    model: type[models.Model]
    related: str  # the journey's relation to its parts: "stages", "channels"
    form: type
    new_form: type
    get: Callable
    header: str
    editor: str
    delete: str
    add: str
    new_form_name: str


STAGES = Axis(
    Stage,
    "stages",
    StageForm,
    NewStageForm,
    get_stage,
    header="stage_header",
    editor="stage_editor",
    delete="stage_delete",
    add="add_stage",
    new_form_name="new_stage_form",
)
CHANNELS = Axis(
    Channel,
    "channels",
    ChannelForm,
    NewChannelForm,
    get_channel,
    header="channel_header",
    editor="channel_editor",
    delete="channel_delete",
    add="add_channel",
    new_form_name="new_channel_form",
)


def _persona_key(request: HtmxHttpRequest) -> str:
    return request.POST.get("persona") or request.GET.get("persona", "")


def _render_part(request, membership, part, partial: str, *, status: int = 200, **extra):
    """One header, or without JavaScript the whole map with that header in the state asked."""
    journey_map = load_map(part.journey, _persona_key(request), with_touchpoints=not request.htmx)
    if not request.htmx:
        for shown in (*journey_map.stages, *journey_map.channels):
            if type(shown) is type(part) and shown.pk == part.pk:
                shown.editing = partial
    return render_map(request, membership, journey_map, partial, status=status, part=part, **extra)


@login_required
@require_POST
def part_add(request: HtmxHttpRequest, slug: str, pk: int, axis: Axis) -> HttpResponse:
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    form = axis.new_form(request.POST)
    if not form.is_valid():
        # The form sits in the grid it would replace: the error goes back to the form alone.
        journey_map = load_map(journey, _persona_key(request), with_touchpoints=not request.htmx)
        context = {axis.new_form_name: form}
        response = render_map(request, membership, journey_map, axis.add, status=400, **context)
        return reswap(retarget(response, f"#{axis.add}"), "outerHTML") if request.htmx else response
    name = form.cleaned_data["name"]
    part = axis.model.create_last(journey.pk, name, name=name)
    Activity.record(request.user, Activity.Verb.CREATED, part, journey=journey)
    return grid_changed(request, membership, journey, _persona_key(request))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def part_detail(request: HtmxHttpRequest, slug: str, pk: int, part_pk: int, axis: Axis):
    """GET: the header (an editor's "Cancel"). POST: save the editor, unless someone else has."""
    if request.method == "POST":
        return _save_part(request, slug, pk, part_pk, axis)
    part, membership = axis.get(request.user, slug, pk, part_pk, Action.READ)
    return _render_part(request, membership, part, axis.header)


def _save_part(request: HtmxHttpRequest, slug: str, pk: int, part_pk: int, axis: Axis):
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    part = find_in_journey(journey, axis.related, part_pk)
    if part is None:
        if axis.model.objects.filter(pk=part_pk, journey__workspace=journey.workspace).exists():
            raise Http404  # another journey's: not this one's to change
        # Deleted while the user typed: their text comes back in a message.
        deleted_meanwhile(request, axis.form(request.POST))
        return grid_changed(request, membership, journey, _persona_key(request))
    form = axis.form(request.POST, instance=part)
    if not form.is_valid():
        return _render_part(request, membership, part, axis.editor, status=400, form=form)
    try:
        part.save_changes(form.cleaned_data["version"], **form.changes())
    except StaleVersion as stale:
        return _conflict(request, membership, part, form, stale.current, axis)
    Activity.record(request.user, Activity.Verb.UPDATED, part, journey=part.journey)
    if not request.htmx:
        return back_to_map(request, part.journey, _persona_key(request))
    return map_changed(_render_part(request, membership, part, axis.header))


def _conflict(request, membership, part, form, current, axis: Axis) -> HttpResponse:
    """Someone saved first: their version beside the user's (core/conflicts.py)."""
    if current is None:
        deleted_meanwhile(request, form)
        return grid_changed(request, membership, part.journey, _persona_key(request))
    current.journey = part.journey
    mine, conflict = stale_edit(form, current)
    return _render_part(
        request,
        membership,
        current,
        axis.editor,
        status=CONFLICT_STATUS,
        form=mine,
        conflict=conflict,
    )


@login_required
@require_safe
def part_editor(request: HtmxHttpRequest, slug: str, pk: int, part_pk: int, axis: Axis):
    part, membership = axis.get(request.user, slug, pk, part_pk, Action.EDIT)
    form = axis.form(instance=part)
    return _render_part(request, membership, part, axis.editor, form=form)


@login_required
@require_POST
def part_move(request: HtmxHttpRequest, slug: str, pk: int, part_pk: int, axis: Axis):
    part, membership = axis.get(request.user, slug, pk, part_pk, Action.EDIT)
    form = PositionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That move could not be understood; nothing changed."))
    else:
        try:
            part.move_to(form.cleaned_data["position"], form.cleaned_data["version"])
        except StaleVersion:
            messages.warning(
                request,
                _("Someone else changed “%(name)s” just before you; the map shows it as it is now.")
                % {"name": part.name},
            )
        else:
            Activity.record(request.user, Activity.Verb.MOVED, part, journey=part.journey)
    return grid_changed(request, membership, part.journey, _persona_key(request))


@login_required
@require_POST
def part_delete(request: HtmxHttpRequest, slug: str, pk: int, part_pk: int, axis: Axis):
    """Deleting a stage or channel takes its cards, of every persona: ask first if it has any."""
    part, membership = axis.get(request.user, slug, pk, part_pk, Action.EDIT)
    cards = part.touchpoints.count()
    if cards and not request.POST.get("confirm"):
        return _render_part(request, membership, part, axis.delete, cards=cards)
    part.remove_from_siblings()
    Activity.record(request.user, Activity.Verb.DELETED, part, journey=part.journey)
    messages.success(
        request,
        ngettext(
            "“%(name)s” deleted with its %(cards)s card.",
            "“%(name)s” deleted with its %(cards)s cards.",
            cards,
        )
        % {"name": part.name, "cards": cards}
        if cards
        else _("“%(name)s” deleted.") % {"name": part.name},
    )
    return grid_changed(request, membership, part.journey, _persona_key(request))

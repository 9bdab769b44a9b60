"""The personas page, a persona's profile and printable card, and the actions on a whole persona
(create, duplicate, delete, add to or remove from a journey); the editor is in
persona_editor_views.py. Persona pages are in the maps layer because each shows or changes the
persona's journeys, lanes and cards."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.folding import folded_search
from core.htmx import HtmxHttpRequest, redirect_after_post, render_htmx, targeted
from journeys.access import get_journey
from journeys.forms import AddToJourneyForm
from journeys.models import Activity, JourneyPersona
from personas.access import get_persona
from personas.forms import NewPersonaForm
from personas.models import Persona
from touchpoints.lists import journey_links_with_touchpoint_counts
from workspaces.access import get_membership
from workspaces.models import Action, Membership

SEARCH_MAX_LENGTH = 100


def _journey_links():
    """A persona's journeys, by title, each with the key that opens the map on this persona."""
    return (
        JourneyPersona.objects.filter(journey__deleted_at=None)
        .select_related("journey")
        .order_by("journey__title")
    )


def _render_list(
    request: HtmxHttpRequest,
    membership: Membership,
    *,
    new_persona_form: NewPersonaForm | None = None,
    status: int = 200,
) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    personas = (
        Persona.objects.filter(workspace=membership.workspace)
        .select_related("workspace")
        .prefetch_related(Prefetch("journey_links", queryset=_journey_links()))
    )
    if query:
        personas = personas.filter(folded_search(query, "name", "role"))
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "personas": personas,
        "query": query,
        "new_persona_form": new_persona_form or NewPersonaForm(),
    }
    partial = targeted(request, "persona_cards", "new_persona")
    return render_htmx(request, "personas/list.html", context, partial=partial, status=status)


@login_required
@require_safe
def persona_list(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.READ)
    return _render_list(request, membership)


@login_required
@require_POST
def persona_create(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.EDIT)
    form = NewPersonaForm(request.POST, instance=Persona(workspace=membership.workspace))
    if not form.is_valid():
        return _render_list(request, membership, new_persona_form=form, status=400)
    persona = form.save()
    Activity.record(request.user, Activity.Verb.CREATED, persona, workspace=membership.workspace)
    messages.success(
        request, _("Persona “%(name)s” created. Tell the team who they are.") % {"name": persona}
    )
    return redirect_after_post(request, _editor_url(persona))


def _editor_url(persona: Persona) -> str:
    return reverse("personas:edit", args=[persona.workspace.slug, persona.pk])


def _render_detail(
    request: HtmxHttpRequest,
    persona: Persona,
    membership: Membership,
    *,
    add_form: AddToJourneyForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "persona": persona,
        "journey_links": journey_links_with_touchpoint_counts(persona),
    }
    if membership.can_edit:
        context["add_form"] = add_form or AddToJourneyForm(persona=persona)
    partial = targeted(request, "persona_journeys")
    return render_htmx(request, "personas/detail.html", context, partial=partial, status=status)


@login_required
@require_safe
def persona_detail(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    persona, membership = get_persona(request.user, slug, pk, Action.READ)
    return _render_detail(request, persona, membership)


@login_required
@require_safe
def persona_card(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The one-page persona card, made to be printed or saved as PDF by the browser."""
    persona, membership = get_persona(request.user, slug, pk, Action.READ)
    return render(
        request,
        "personas/card.html",
        {"workspace": membership.workspace, "membership": membership, "persona": persona},
    )


@login_required
@require_POST
def persona_duplicate(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    persona, membership = get_persona(request.user, slug, pk, Action.EDIT)
    copy = persona.duplicate()
    Activity.record(request.user, Activity.Verb.CREATED, copy, workspace=membership.workspace)
    messages.success(
        request,
        _("“%(copy)s” is a copy of “%(name)s”; it is in no journey yet.")
        % {"copy": copy, "name": persona},
    )
    return redirect_after_post(request, _editor_url(copy))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def persona_delete(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET asks first, naming the journeys that lose the persona's lane; POST deletes."""
    persona, membership = get_persona(request.user, slug, pk, Action.EDIT)
    if request.method != "POST":
        return render(
            request,
            "personas/delete.html",
            {
                "workspace": membership.workspace,
                "membership": membership,
                "persona": persona,
                "journey_links": journey_links_with_touchpoint_counts(persona),
            },
        )
    with transaction.atomic():
        # Recorded first: once deleted, the persona no longer has the id the record keeps.
        Activity.record(
            request.user, Activity.Verb.DELETED, persona, workspace=membership.workspace
        )
        persona.delete()
    messages.success(request, _("Persona “%(name)s” deleted.") % {"name": persona})
    return redirect_after_post(request, reverse("personas:list", args=[slug]))


@login_required
@require_POST
def persona_journey_add(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    persona, membership = get_persona(request.user, slug, pk, Action.EDIT)
    form = AddToJourneyForm(request.POST, persona=persona)
    if not form.is_valid():
        return _render_detail(request, persona, membership, add_form=form, status=400)
    journey = form.cleaned_data["journey"]
    link = journey.add_persona(persona)
    Activity.record(
        request.user, Activity.Verb.CREATED, link, journey=journey, workspace=membership.workspace
    )
    messages.success(
        request,
        _("%(name)s now has a lane in “%(journey)s”.") % {"name": persona, "journey": journey},
    )
    return _after_journey_change(request, persona, membership)


@login_required
@require_POST
def persona_journey_remove(
    request: HtmxHttpRequest, slug: str, pk: int, journey_pk: int
) -> HttpResponse:
    persona, membership = get_persona(request.user, slug, pk, Action.EDIT)
    journey, _membership = get_journey(request.user, slug, journey_pk, Action.EDIT)
    link = journey.journey_personas.filter(persona=persona).first()
    if link is None:
        raise Http404
    with transaction.atomic():
        cards = journey.remove_persona(persona)
        Activity.record(
            request.user,
            Activity.Verb.DELETED,
            link,
            journey=journey,
            workspace=membership.workspace,
        )
    messages.success(
        request,
        ngettext(
            "%(name)s left “%(journey)s”; %(count)s touchpoint was deleted.",
            "%(name)s left “%(journey)s”; %(count)s touchpoints were deleted.",
            cards,
        )
        % {"name": persona, "journey": journey, "count": cards},
    )
    return _after_journey_change(request, persona, membership)


def _after_journey_change(
    request: HtmxHttpRequest, persona: Persona, membership: Membership
) -> HttpResponse:
    if request.htmx:
        return _render_detail(request, persona, membership)
    return redirect(persona.get_absolute_url())

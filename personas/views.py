from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from journeys.models import JourneyPersona
from personas.models import Persona
from workspaces.access import get_membership, get_persona
from workspaces.models import Action


def _journey_links():
    """A persona's journeys, by title, each with the key that opens the map on this persona."""
    return JourneyPersona.objects.select_related("journey").order_by("journey__title")


@login_required
@require_safe
def persona_list(request: HttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.READ)
    personas = (
        Persona.objects.filter(workspace=membership.workspace)
        .select_related("workspace")
        .prefetch_related(Prefetch("journey_links", queryset=_journey_links()))
    )
    return render(
        request,
        "personas/list.html",
        {"workspace": membership.workspace, "membership": membership, "personas": personas},
    )


@login_required
@require_safe
def persona_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    persona, membership = get_persona(request.user, slug, pk, Action.READ)
    journey_links = _journey_links().filter(persona=persona)
    return render(
        request,
        "personas/detail.html",
        {
            "workspace": membership.workspace,
            "membership": membership,
            "persona": persona,
            "journey_links": journey_links,
        },
    )

"""As-is and to-be: designing the to-be of a journey, and promoting it to as-is (pairs.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.htmx import HtmxHttpRequest, redirect_after_post
from journeys.access import get_journey
from versions.pairs import AS_IS, counterpart, design_to_be, promote
from workspaces.models import Action


@login_required
@require_POST
def to_be_design(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, _membership = get_journey(request.user, slug, pk, Action.EDIT)
    other = counterpart(journey)
    if other and other.role == AS_IS:
        messages.error(request, _("This journey is already a to-be: design from its as-is."))
        return redirect_after_post(request, journey.get_absolute_url())
    to_be = design_to_be(journey, request.user)
    messages.success(
        request, _("Here is the to-be journey: change it freely, the as-is stays as it is.")
    )
    return redirect_after_post(request, to_be.get_absolute_url())


@login_required
@require_POST
def to_be_promote(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, _membership = get_journey(request.user, slug, pk, Action.EDIT)
    other = counterpart(journey)
    if other is None or other.role != AS_IS:
        raise Http404
    as_is = promote(journey, request.user)
    messages.success(
        request,
        _("The to-be is now the as-is. The former as-is is kept in its versions."),
    )
    return redirect_after_post(request, as_is.get_absolute_url())

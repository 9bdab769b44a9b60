"""A journey's activity feed: its page needs nothing above the journeys layer."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.htmx import HtmxHttpRequest
from journeys.access import get_journey
from journeys.activity_feed import feed_page
from workspaces.models import Action


@login_required
@require_safe
def journey_activity(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Who did what in the journey, newest first, 30 to a page (`?page=`)."""
    journey, membership = get_journey(request.user, slug, pk, Action.READ)
    context = {
        "workspace": membership.workspace,
        "journey": journey,
        "page": feed_page(journey, request.GET.get("page")),
    }
    return render(request, "journeys/activity.html", context)

"""A journey's menu: rename it in place, duplicate it, delete it into the trash; the trash page
and restoring from it. The rules are in journeys/lifecycle.py and the copy in
touchpoints/journey_copy.py; these views only check, call and answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.conflicts import CONFLICT_STATUS, deleted_meanwhile, stale_edit
from core.htmx import HtmxHttpRequest, redirect_after_post, render_htmx
from core.versioning import StaleVersion
from journeys import lifecycle
from journeys.access import get_journey
from journeys.forms import DuplicateJourneyForm, JourneyEditForm
from journeys.models import Journey
from touchpoints.journey_copy import duplicate_journey
from workspaces.access import get_membership
from workspaces.models import Action

HEADER = "journeys/journey_header.html"


def _back(request: HtmxHttpRequest, journey: Journey) -> str:
    """Where a rename started: the journeys page (`from=list`) or the journey's map."""
    if request.POST.get("from", request.GET.get("from")) == "list":
        return reverse("journeys:list", args=[journey.workspace.slug])
    return journey.get_absolute_url()


def _editor(request, membership, journey, form, *, status=200, conflict=None) -> HttpResponse:
    """The title and description editor: in place of the map's header for htmx, else a page."""
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "journey": journey,
        "rename_form": form,
        "conflict": conflict,
        "came_from": request.POST.get("from", request.GET.get("from", "")),
        "back_url": _back(request, journey),
    }
    return render_htmx(
        request,
        "journeys/journey_edit.html",
        context,
        partial=f"{HEADER}#journey_header",
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def journey_edit(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET: the editor. POST: save the title and description, unless someone else has since."""
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    if request.method != "POST":
        if request.GET.get("cancel"):
            return _header(request, membership, journey)
        return _editor(request, membership, journey, JourneyEditForm(instance=journey))
    form = JourneyEditForm(request.POST, instance=journey)
    if not form.is_valid():
        return _editor(request, membership, journey, form, status=400)
    try:
        lifecycle.rename(journey, request.user, form.cleaned_data["version"], **form.changes())
    except StaleVersion as stale:
        if stale.current is None:
            deleted_meanwhile(request, form)
            return redirect_after_post(request, reverse("journeys:list", args=[slug]))
        stale.current.workspace = membership.workspace
        mine, conflict = stale_edit(form, stale.current)
        return _editor(
            request, membership, stale.current, mine, status=CONFLICT_STATUS, conflict=conflict
        )
    messages.success(request, _("Journey “%(title)s” saved.") % {"title": journey.title})
    # The breadcrumb and the window's title follow the new title (journey_renamed).
    return _header(request, membership, journey, partial="journey_renamed")


def _header(request, membership, journey, partial: str = "journey_header") -> HttpResponse:
    """The map's header as it is now, in place of its editor; without htmx, back where the
    rename started."""
    if not request.htmx:
        return redirect(_back(request, journey))
    context = {"workspace": membership.workspace, "membership": membership, "journey": journey}
    return render_htmx(request, HEADER, context, partial=partial)


@login_required
@require_POST
def journey_duplicate(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, _membership = get_journey(request.user, slug, pk, Action.EDIT)
    form = DuplicateJourneyForm(request.POST)
    with_comments = form.is_valid() and form.cleaned_data["with_comments"]
    copy = duplicate_journey(journey, request.user, with_comments=with_comments)
    messages.success(
        request,
        _("“%(copy)s” is a copy of “%(title)s”.") % {"copy": copy.title, "title": journey.title},
    )
    return redirect_after_post(request, copy.get_absolute_url())


@login_required
@require_POST
def journey_delete(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Deleting asks first, naming what goes with the journey; confirmed, it goes to the trash."""
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    if not request.POST.get("confirm"):
        context = {
            "workspace": membership.workspace,
            "membership": membership,
            "journey": journey,
            "contents": lifecycle.contents(journey),
            "trash_days": lifecycle.TRASH_DAYS,
        }
        return render_htmx(request, "journeys/journey_delete.html", context)
    lifecycle.move_to_trash(journey, request.user)
    messages.success(
        request,
        _("“%(title)s” is in the trash. You can restore it from there for %(days)d days.")
        % {"title": journey.title, "days": lifecycle.TRASH_DAYS},
    )
    return redirect_after_post(request, reverse("journeys:list", args=[slug]))


@login_required
@require_safe
def journey_trash(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.EDIT)
    journeys = list(lifecycle.in_trash(membership.workspace))
    for journey in journeys:
        journey.purged_at = lifecycle.expires_at(journey)
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "journeys": journeys,
        "trash_days": lifecycle.TRASH_DAYS,
    }
    return render_htmx(request, "journeys/trash.html", context)


@login_required
@require_POST
def journey_restore(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.EDIT)
    journey = get_object_or_404(lifecycle.in_trash(membership.workspace), pk=pk)
    lifecycle.restore(journey, request.user)
    messages.success(request, _("“%(title)s” is back.") % {"title": journey.title})
    return redirect_after_post(request, journey.get_absolute_url())

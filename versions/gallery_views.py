"""The template gallery: "New from template", and a workspace's own templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.htmx import HtmxHttpRequest, redirect_after_post, render_htmx
from journeys.access import get_journey
from journeys.models import Activity
from maps.interchange.exporting import export_journey
from maps.interchange.importing import import_journey
from versions.access import get_template
from versions.gallery import builtin, find_builtin, save_as_template, saved_entries
from workspaces.access import get_membership
from workspaces.models import Action

LANGUAGES = ("fr", "en")


@login_required
@require_safe
def gallery(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.READ)
    language = request.GET.get("language", "")
    entries = [e for e in builtin() if e.language == language or language not in LANGUAGES]
    # The reader's own language first.
    entries.sort(key=lambda entry: entry.language != get_language()[:2])
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "entries": entries,
        "saved": saved_entries(membership.workspace),
        "language": language if language in LANGUAGES else "",
        "template_languages": LANGUAGES,
    }
    return render_htmx(request, "versions/gallery.html", context)


def _start(request, membership, entry) -> HttpResponse:
    journey = import_journey(membership.workspace, entry.file_bytes(), user=request.user)
    Activity.record(request.user, Activity.Verb.CREATED, journey, journey=journey)
    messages.success(
        request, _("Journey “%(title)s” created from a template.") % {"title": journey.title}
    )
    return redirect_after_post(request, journey.get_absolute_url())


@login_required
@require_POST
def gallery_use(request: HtmxHttpRequest, slug: str, name: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.EDIT)
    entry = find_builtin(name)
    if entry is None:
        raise Http404
    return _start(request, membership, entry)


@login_required
@require_POST
def saved_use(request: HtmxHttpRequest, slug: str, template_pk: int) -> HttpResponse:
    template, membership = get_template(request.user, slug, template_pk, Action.EDIT)
    entries = [entry for entry in saved_entries(membership.workspace) if entry.saved == template]
    return _start(request, membership, entries[0])


@login_required
@require_POST
def saved_delete(request: HtmxHttpRequest, slug: str, template_pk: int) -> HttpResponse:
    template, _membership = get_template(request.user, slug, template_pk, Action.EDIT)
    template.delete()
    messages.success(request, _("Template “%(title)s” deleted.") % {"title": template.title})
    return redirect_after_post(request, reverse("versions:gallery", args=[slug]))


@login_required
@require_POST
def template_save(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, _membership = get_journey(request.user, slug, pk, Action.EDIT)
    template = save_as_template(journey, export_journey(journey), request.user)
    messages.success(
        request,
        _("“%(title)s” is now one of this workspace’s templates.") % {"title": template.title},
    )
    return redirect_after_post(request, reverse("versions:gallery", args=[slug]))

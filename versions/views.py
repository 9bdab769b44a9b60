"""A journey's versions page: the list, taking a snapshot, restoring, deleting, downloading,
and importing a file over the journey. The read-only view of one version is in version_page.py,
comparisons in compare_views.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.htmx import HtmxHttpRequest, redirect_after_post, render_htmx
from journeys.access import get_journey
from journeys.forms import JourneyImportForm
from maps.interchange.schema import InvalidJourneyFile
from versions.access import get_version
from versions.forms import SnapshotForm
from versions.pairs import counterpart
from versions.sides import CURRENT, PAIR
from versions.snapshots import replace_from_file, restore, take_snapshot
from workspaces.models import Action


def versions_url(journey) -> str:
    return reverse("versions:list", args=[journey.workspace.slug, journey.pk])


def _render_list(request, journey, membership, *, partial="", status=200, **forms):
    versions = list(journey.versions.defer("data", "persona_ids").select_related("created_by"))
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "journey": journey,
        "versions": versions,
        "pair": counterpart(journey),
        "current": CURRENT,
        "pair_ref": PAIR,
        "snapshot_form": forms.get("snapshot_form") or SnapshotForm(),
        "import_form": forms.get("import_form") or JourneyImportForm(),
        "import_errors": forms.get("import_errors", []),
    }
    return render_htmx(request, "versions/list.html", context, partial=partial, status=status)


@login_required
@require_safe
def version_list(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, membership = get_journey(request.user, slug, pk, Action.READ)
    return _render_list(request, journey, membership)


@login_required
@require_POST
def version_create(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    form = SnapshotForm(request.POST)
    if not form.is_valid():
        return _render_list(
            request, journey, membership, partial="take_snapshot", status=400, snapshot_form=form
        )
    version = take_snapshot(journey, form.cleaned_data["label"], request.user)
    messages.success(request, _("Version “%(label)s” saved.") % {"label": version.label})
    return redirect_after_post(request, versions_url(journey))


@login_required
@require_POST
def version_restore(request: HtmxHttpRequest, slug: str, pk: int, version_pk: int):
    version, _membership = get_version(request.user, slug, pk, version_pk, Action.EDIT)
    try:
        before = restore(version, request.user)
    except InvalidJourneyFile as invalid:
        # Only a version larger than today's file limit gets here; nothing was changed.
        messages.error(request, " ".join(invalid.errors))
        return redirect_after_post(request, versions_url(version.journey))
    messages.success(
        request,
        _(
            "The journey is back as it was in “%(label)s”. "
            "What it was just before is kept as “%(before)s”."
        )
        % {"label": version.label, "before": before.label},
    )
    return redirect_after_post(request, version.journey.get_absolute_url())


@login_required
@require_POST
def version_delete(request: HtmxHttpRequest, slug: str, pk: int, version_pk: int):
    version, _membership = get_version(request.user, slug, pk, version_pk, Action.DELETE_VERSION)
    version.delete()
    messages.success(request, _("Version “%(label)s” deleted.") % {"label": version.label})
    return redirect_after_post(request, versions_url(version.journey))


@login_required
@require_safe
def version_download(request, slug: str, pk: int, version_pk: int) -> HttpResponse:
    version, _membership = get_version(request.user, slug, pk, version_pk, Action.EXPORT)
    response = HttpResponse(version.file_bytes(), content_type="application/json; charset=utf-8")
    filename = f"{slugify(version.journey.title) or 'journey'}-{slugify(version.label)}.json"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
@require_POST
def version_import(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """A journey file imported over this journey, after a snapshot of its present."""
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    form = JourneyImportForm(request.POST, request.FILES)
    errors: list[str] = []
    if form.is_valid():
        try:
            before = replace_from_file(journey, form.cleaned_data["file"].read(), request.user)
        except InvalidJourneyFile as invalid:
            errors = invalid.errors
        else:
            messages.success(
                request,
                _("The file replaced the journey. What it was before is kept as “%(label)s”.")
                % {"label": before.label},
            )
            return redirect_after_post(request, journey.get_absolute_url())
    return _render_list(
        request,
        journey,
        membership,
        partial="import_over",
        status=400,
        import_form=form,
        import_errors=errors,
    )

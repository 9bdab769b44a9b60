"""Importing evidence into a journey from the page: upload → preview, the column mapping (guessed,
changeable) and a report of what would be created and of every row that does not match → the
user confirms → one transaction. Nothing is written before the confirmation; the uploaded file
waits in the database (evidence.models.EvidenceUpload), so any app server can finish it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.htmx import HtmxHttpRequest, render_htmx
from evidence.columns import guess_mapping
from evidence.forms import EvidenceUploadForm, MappingForm
from evidence.importing import plan_import
from evidence.models import EvidenceUpload
from evidence.problems import InvalidEvidenceFile
from evidence.reading import read_table
from journeys.access import get_journey
from workspaces.models import Action

PREVIEW_ROWS = 5
SHOWN_PROBLEMS = 200


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def evidence_import(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    form = EvidenceUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        EvidenceUpload.forget_old()
        upload = EvidenceUpload.objects.create(
            journey=journey,
            user=request.user,
            filename=form.cleaned_data["file"].name[:255],
            data=form.data_bytes,
        )
        url = reverse("journeys:evidence_review", args=[slug, pk, upload.pk])
        return redirect(url)
    context = {"workspace": membership.workspace, "journey": journey, "form": form}
    status = 400 if form.errors else 200
    return render_htmx(request, "evidence/import.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def evidence_review(request: HtmxHttpRequest, slug: str, pk: int, upload_pk: int) -> HttpResponse:
    """The preview, the mapping and the report; posted, the report again for the mapping chosen
    ("Check again"), or the import ("Import"), which only a file without problems gets."""
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    upload = EvidenceUpload.objects.filter(pk=upload_pk, journey=journey, user=request.user).first()
    if upload is None:
        raise Http404
    try:
        table = read_table(bytes(upload.data), upload.filename)
    except InvalidEvidenceFile:  # read once before it was kept; only a change of code lands here
        raise Http404 from None
    guessed = guess_mapping(table.headers)
    posted = request.method == "POST"
    form = MappingForm(request.POST if posted else None, table=table, initial_mapping=guessed)
    plan = plan_import(journey, table, form.mapping() if posted and form.is_valid() else guessed)
    if posted and request.POST.get("action") == "import" and not plan.problems:
        metrics, verbatims = plan.apply(request.user, upload.filename)
        upload.delete()
        messages.success(request, imported_message(metrics, verbatims))
        return redirect(journey.get_absolute_url())
    context = {
        "workspace": membership.workspace,
        "journey": journey,
        "upload": upload,
        "table": table,
        "preview": table.rows[:PREVIEW_ROWS],
        "form": form,
        "plan": plan,
        "problems": plan.problems[:SHOWN_PROBLEMS],
        "more_problems": max(0, len(plan.problems) - SHOWN_PROBLEMS),
    }
    status = 400 if posted and plan.problems else 200
    return render_htmx(request, "evidence/review.html", context, status=status)


def imported_message(metrics: int, verbatims: int) -> str:
    figures = _("%(metrics)d metrics and %(verbatims)d quotes imported.") % {
        "metrics": metrics,
        "verbatims": verbatims,
    }
    if not (metrics or verbatims):
        return _("Nothing new to import: every row is already on the map.")
    return figures

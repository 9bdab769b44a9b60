"""The journeys page (create, import) and a journey's files (JSON, CSV, PNG, SVG, PPTX, PDF)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.folding import folded_search
from core.htmx import HtmxHttpRequest, redirect_after_post, render_htmx
from journeys.access import get_journey
from journeys.forms import JourneyForm, JourneyImportForm, JourneySearchForm
from journeys.models import Activity, Journey
from maps.documents import render as documents
from maps.interchange.exporting import dump_journey
from maps.interchange.importing import import_journey
from maps.interchange.schema import InvalidJourneyFile
from maps.picture import render as picture
from maps.picture.scene import UnknownPersona
from maps.spreadsheet import journey_csv
from touchpoints.lists import journeys_with_counts, with_last_editors
from workspaces.access import get_membership
from workspaces.models import Action, Membership


def _render_list(
    request: HtmxHttpRequest,
    membership: Membership,
    *,
    partial: str = "",
    status: int = 200,
    journey_form: JourneyForm | None = None,
    import_form: JourneyImportForm | None = None,
    import_errors: list[str] | None = None,
) -> HttpResponse:
    """The journeys page, or for an HTMX request only the partial named by the form it posted."""
    search = JourneySearchForm(request.GET)
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "journey_form": journey_form or JourneyForm(interface_language=request.LANGUAGE_CODE),
        "import_form": import_form or JourneyImportForm(),
        "import_errors": import_errors or [],
        "search": search,
    }
    if not (partial and request.htmx):
        journeys = Journey.objects.filter(workspace=membership.workspace)
        if query := search.query():
            journeys = journeys.filter(folded_search(query, "title", "description"))
        context["journeys"] = with_last_editors(
            journeys_with_counts(journeys).order_by(*search.order())
        )
        context["searched"] = bool(query)
    return render_htmx(request, "journeys/list.html", context, partial=partial, status=status)


@login_required
@require_safe
def journey_list(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.READ)
    return _render_list(request, membership)


@login_required
@require_POST
def journey_create(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.EDIT)
    form = JourneyForm(request.POST, interface_language=request.LANGUAGE_CODE)
    if not form.is_valid():
        return _render_list(
            request, membership, partial="new_journey", status=400, journey_form=form
        )
    journey = Journey.create_with_defaults(
        membership.workspace,
        form.cleaned_data["title"],
        form.cleaned_data["description"],
        user=request.user,
        language=form.cleaned_data["language"],
    )
    Activity.record(request.user, Activity.Verb.CREATED, journey, journey=journey)
    messages.success(request, _("Journey “%(title)s” created.") % {"title": journey.title})
    return redirect_after_post(request, journey.get_absolute_url())


@login_required
@require_POST
def journey_import(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.EDIT)
    form = JourneyImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            journey = import_journey(
                membership.workspace,
                form.cleaned_data["file"].read(),
                user=request.user,
                same_name_personas=form.reuse_personas(),
            )
        except InvalidJourneyFile as invalid:
            import_errors = invalid.errors
        else:
            messages.success(request, _("Journey “%(title)s” imported.") % {"title": journey.title})
            return redirect_after_post(request, journey.get_absolute_url())
    else:
        import_errors = []
    return _render_list(
        request,
        membership,
        partial="import_journey",
        status=400,
        import_form=form,
        import_errors=import_errors,
    )


EXPORT_CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    **picture.FORMATS,
    **documents.FORMATS,
}


@login_required
@require_safe
def journey_export(request: HttpRequest, slug: str, pk: int, fmt: str) -> HttpResponse:
    """The journey as a file: JSON, CSV, or a picture of the map (`export.png` or `export.svg`,
    `?size=slide|full&persona=<key>|all`)."""
    if fmt not in EXPORT_CONTENT_TYPES:
        raise Http404
    journey, _membership = get_journey(request.user, slug, pk, Action.EXPORT)
    if fmt in picture.FORMATS or fmt in documents.FORMATS:
        return _picture(request, journey, fmt)
    body = dump_journey(journey).encode() if fmt == "json" else journey_csv(journey)
    response = HttpResponse(body, content_type=EXPORT_CONTENT_TYPES[fmt])
    filename = f"{slugify(journey.title) or 'journey'}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _picture(request: HttpRequest, journey: Journey, fmt: str) -> HttpResponse:
    size = request.GET.get("size") or picture.SLIDE
    if size not in picture.SIZES:
        return HttpResponseBadRequest(
            _("Unknown size “%(size)s”: choose slide or full.") % {"size": size},
            content_type="text/plain; charset=utf-8",
        )
    persona_key = request.GET.get("persona", "")
    try:
        if fmt in documents.FORMATS:
            image = documents.render_document(journey, fmt, size=size, persona_key=persona_key)
        else:
            image = picture.render_picture(
                journey, size=size, persona_key=persona_key, file_format=fmt
            )
    except UnknownPersona as unknown:
        return HttpResponseBadRequest(
            _("This journey has no persona “%(key)s”.") % {"key": unknown},
            content_type="text/plain; charset=utf-8",
        )
    except picture.PictureTooLarge as too_large:
        return HttpResponseBadRequest(str(too_large), content_type="text/plain; charset=utf-8")
    response = HttpResponse(image.content, content_type=image.content_type)
    response["Content-Disposition"] = content_disposition_header(True, image.filename)
    if fmt == "svg":
        # Opened from disk or a link, an SVG is a document that could run script: this one may
        # only draw its own inline styles and embedded images.
        response["Content-Security-Policy"] = SVG_POLICY
    return response


SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from journeys.curves import emotion_curve, emotion_curve_for_map
from journeys.forms import JourneyForm, JourneyImportForm
from journeys.interchange import InvalidJourneyFile, dump_journey, import_journey
from journeys.models import Activity, Journey
from journeys.spreadsheet import journey_csv
from journeys.swimlanes import build_map, touchpoints_with_frictions
from workspaces.access import get_journey, get_membership
from workspaces.models import Action, Membership


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


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
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "journey_form": journey_form or JourneyForm(),
        "import_form": import_form or JourneyImportForm(),
        "import_errors": import_errors or [],
    }
    if partial and request.htmx:
        return render(request, f"journeys/list.html#{partial}", context, status=status)
    context["journeys"] = Journey.objects.filter(workspace=membership.workspace).with_counts()
    return render(request, "journeys/list.html", context, status=status)


@login_required
@require_safe
def journey_list(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.READ)
    return _render_list(request, membership)


@login_required
@require_POST
def journey_create(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.EDIT)
    form = JourneyForm(request.POST)
    if not form.is_valid():
        return _render_list(
            request, membership, partial="new_journey", status=400, journey_form=form
        )
    journey = Journey.create_with_defaults(
        membership.workspace,
        form.cleaned_data["title"],
        form.cleaned_data["description"],
        user=request.user,
    )
    Activity.record(request.user, Activity.Verb.CREATED, journey, journey=journey)
    messages.success(request, _("Journey “%(title)s” created.") % {"title": journey.title})
    return _redirect(request, journey.get_absolute_url())


@login_required
@require_POST
def journey_import(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.EDIT)
    form = JourneyImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            journey = import_journey(
                membership.workspace, form.cleaned_data["file"].read(), user=request.user
            )
        except InvalidJourneyFile as invalid:
            import_errors = invalid.errors
        else:
            messages.success(request, _("Journey “%(title)s” imported.") % {"title": journey.title})
            return _redirect(request, journey.get_absolute_url())
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


def _redirect(request: HtmxHttpRequest, url: str) -> HttpResponse:
    # An HTMX form swaps a fragment; after a success the whole page changes, so htmx navigates.
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_safe
def journey_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, membership = get_journey(request.user, slug, pk, Action.READ)
    stages = list(journey.stages.all())
    channels = list(journey.channels.all())
    journey_personas = list(journey.journey_personas.select_related("persona"))
    wanted = request.GET.get("persona")
    # An unknown key (a persona since removed from the journey) falls back to the first persona.
    chosen = next((jp for jp in journey_personas if jp.key == wanted), None) or next(
        iter(journey_personas), None
    )
    touchpoints = list(touchpoints_with_frictions(journey, chosen.persona_id)) if chosen else []
    lanes, stage_summaries = build_map(stages, channels, touchpoints)
    return render(
        request,
        "journeys/detail.html",
        {
            "workspace": membership.workspace,
            "membership": membership,
            "journey": journey,
            "stages": stages,
            "journey_personas": journey_personas,
            "chosen": chosen,
            "lanes": lanes,
            "stage_summaries": stage_summaries,
            "has_touchpoints": bool(touchpoints),
            "curve": emotion_curve_for_map(journey, stages, journey_personas, chosen, touchpoints),
        },
    )


@login_required
@require_safe
@vary_on_headers("HX-Request")
def journey_curve(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The emotion curve of one persona (`?persona=<key>`) or of all of them (`?persona=all`)."""
    journey, membership = get_journey(request.user, slug, pk, Action.READ)
    curve = emotion_curve(journey, request.GET.get("persona", ""), request.GET.get("chosen", ""))
    template = "journeys/curve.html#emotion_curve" if request.htmx else "journeys/curve.html"
    return render(
        request, template, {"workspace": membership.workspace, "journey": journey, "curve": curve}
    )


EXPORT_CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}


@login_required
@require_safe
def journey_export(request: HttpRequest, slug: str, pk: int, fmt: str) -> HttpResponse:
    if fmt not in EXPORT_CONTENT_TYPES:
        raise Http404
    journey, _membership = get_journey(request.user, slug, pk, Action.EXPORT)
    body = dump_journey(journey).encode() if fmt == "json" else journey_csv(journey)
    response = HttpResponse(body, content_type=EXPORT_CONTENT_TYPES[fmt])
    filename = f"{slugify(journey.title) or 'journey'}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django.views.decorators.vary import vary_on_headers

from config.htmx import HtmxHttpRequest, redirect_after_post
from journeys import picture
from journeys.activity_feed import feed_page
from journeys.curves import emotion_curve
from journeys.forms import JourneyForm, JourneyImportForm, JourneyPersonaForm
from journeys.interchange import InvalidJourneyFile, dump_journey, import_journey
from journeys.models import Activity, Journey
from journeys.responses import back_to_map, render_map
from journeys.spreadsheet import journey_csv
from journeys.swimlanes import Cell, load_cells, load_map
from touchpoints.forms import TouchpointForm
from workspaces.access import get_journey, get_membership
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
    return redirect_after_post(request, journey.get_absolute_url())


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


# The parts of the map a client may ask for again on its own, after `mapChanged`.
MAP_PARTS = {"map_summary", "map_grid"}


@login_required
@require_safe
def journey_detail(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """The map. `?persona=<key>` chooses the persona; `?card=<id>` opens a card's panel, on its
    persona's map, so a link to a card (from the friction board, a message) lands on it."""
    journey, membership = get_journey(request.user, slug, pk, Action.READ)
    adding = request.GET.get("add", "")
    cell_id = request.GET.get("cell") or adding
    if request.htmx and cell_id and request.htmx.target == cell_id:
        return _one_cell(request, membership, journey, cell_id, adding=bool(adding))
    card = _linked_card(journey, request.GET.get("card"))
    journey_map = load_map(
        journey, request.GET.get("persona"), persona_id=card.persona_id if card else None
    )
    partial = request.htmx.target if request.htmx and request.htmx.target in MAP_PARTS else ""
    extra = {"adding": adding}
    if card:
        extra |= {
            "card": card,
            "form": TouchpointForm(instance=card),
            "open_friction": _linked_id(request.GET.get("friction")),
        }
    return render_map(request, membership, journey_map, partial, **extra)


def _one_cell(request, membership, journey, cell_id: str, *, adding: bool) -> HttpResponse:
    """A cell asked for on its own: with its "add a card" form, or back without it."""
    pair = Cell.pair_of(cell_id)
    journey_map = load_map(journey, request.GET.get("persona"), with_cards=False)
    cells = load_cells(journey_map, {pair}) if pair and journey_map.chosen else []
    if not cells:
        raise Http404
    adding_id = cell_id if adding else ""
    return render_map(request, membership, journey_map, "cell", cell=cells[0], adding=adding_id)


def _linked_id(value: str | None) -> int | None:
    return int(value) if value and value.isascii() and value.isdigit() else None


def _linked_card(journey: Journey, card_pk: str | None):
    card_pk = _linked_id(card_pk)
    return journey.touchpoints.filter(pk=card_pk).first() if card_pk else None


@login_required
@require_POST
def journey_persona_add(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    form = JourneyPersonaForm(request.POST, journey=journey)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["persona"]))
        return back_to_map(request, journey, request.POST.get("current", ""))
    link = journey.add_persona(form.cleaned_data["persona"])
    Activity.record(request.user, Activity.Verb.UPDATED, journey, journey=journey)
    messages.success(
        request,
        _("%(persona)s now has a map in this journey.") % {"persona": link.persona.name},
    )
    return back_to_map(request, journey, link.key)


@login_required
@require_POST
def journey_persona_remove(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Taking a persona out of a journey deletes its cards there: ask first if it has any."""
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    form = JourneyPersonaForm(request.POST, journey=journey)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["persona"]))
        return back_to_map(request, journey)
    persona = form.cleaned_data["persona"]
    cards = journey.touchpoints.filter(persona=persona).count()
    if cards and not request.POST.get("confirm"):
        journey_map = load_map(journey, request.POST.get("current"), with_cards=not request.htmx)
        return render_map(
            request, membership, journey_map, "persona_remove", leaving=persona, cards=cards
        )
    journey.remove_persona(persona)
    Activity.record(request.user, Activity.Verb.UPDATED, journey, journey=journey)
    messages.success(
        request,
        _("%(persona)s is no longer in this journey.") % {"persona": persona.name},
    )
    return back_to_map(request, journey)


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


EXPORT_CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    **picture.FORMATS,
}


@login_required
@require_safe
def journey_export(request: HttpRequest, slug: str, pk: int, fmt: str) -> HttpResponse:
    """The journey as a file: JSON, CSV, or a picture of the map (`export.png` or `export.svg`,
    `?size=slide|full&persona=<key>|all`)."""
    if fmt not in EXPORT_CONTENT_TYPES:
        raise Http404
    journey, _membership = get_journey(request.user, slug, pk, Action.EXPORT)
    if fmt in picture.FORMATS:
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
    try:
        image = picture.render_picture(
            journey, size=size, persona_key=request.GET.get("persona", ""), file_format=fmt
        )
    except picture.UnknownPersona as unknown:
        return HttpResponseBadRequest(
            _("This journey has no persona “%(key)s”.") % {"key": unknown},
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(image.content, content_type=image.content_type)
    response["Content-Disposition"] = content_disposition_header(True, image.filename)
    return response

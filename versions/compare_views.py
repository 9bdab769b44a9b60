"""Comparing two sides of a journey (two versions, a version and now, an as-is and its to-be):
the page, and its slide PNG."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header, urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.htmx import HtmxHttpRequest, render_htmx
from journeys.access import get_journey
from maps.curves import EmotionCurve
from versions.compare_curves import compared_curves, persona_keys
from versions.compare_picture import comparison_png
from versions.comparison import compare
from versions.pairs import counterpart
from versions.sides import CURRENT, PAIR, Side, UnknownSide, load_side, own_label
from workspaces.models import Action


def _sides(request, journey):
    """The two sides the address names; by default the latest version (or the pair) and now."""
    newer = request.GET.get("new") or CURRENT
    older = request.GET.get("old")
    if not older:
        latest = journey.versions.only("pk").first()
        older = str(latest.pk) if latest else PAIR
    return load_side(journey, older), load_side(journey, newer)


def _label(journey, side) -> str:
    return own_label(journey) if side.ref == CURRENT else side.label


@dataclass
class Compared:
    """Both sides, the persona whose curves are drawn, and those curves."""

    older: Side
    newer: Side
    personas: list[tuple[str, str]]
    persona: str
    labels: tuple[str, str]
    curve: EmotionCurve

    @property
    def query(self) -> str:
        return urlencode({"old": self.older.ref, "new": self.newer.ref, "persona": self.persona})


def _compared(request, journey) -> Compared:
    older, newer = _sides(request, journey)
    personas = persona_keys(older.document, newer.document)
    persona = request.GET.get("persona") or (personas[0][0] if personas else "")
    labels = (_label(journey, older), _label(journey, newer))
    curve = compared_curves(journey, older.document, newer.document, persona, labels)
    return Compared(older, newer, personas, persona, labels, curve)


@login_required
@require_safe
def journey_compare(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, membership = get_journey(request.user, slug, pk, Action.READ)
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "journey": journey,
        "versions": list(journey.versions.only("pk", "label", "created_at", "journey_id")),
        "pair": counterpart(journey),
        "current": CURRENT,
        "pair_ref": PAIR,
    }
    try:
        compared = _compared(request, journey)
    except UnknownSide:
        messages.error(request, _("Choose two versions of this journey to compare."))
        return render_htmx(request, "versions/compare.html", context, status=400)
    context |= {
        "compared": compared,
        "comparison": compare(compared.older.document, compared.newer.document),
        "curve": compared.curve,
        "picture_url": reverse("versions:compare_png", args=[slug, pk]) + "?" + compared.query,
    }
    return render_htmx(request, "versions/compare.html", context)


@login_required
@require_safe
def journey_compare_png(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, _membership = get_journey(request.user, slug, pk, Action.EXPORT)
    try:
        compared = _compared(request, journey)
    except UnknownSide:
        return HttpResponse(
            _("Choose two versions of this journey to compare."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    names = dict(compared.personas)
    title = journey.title + (f" · {names[compared.persona]}" if compared.persona in names else "")
    comparison = compare(compared.older.document, compared.newer.document)
    content = comparison_png(comparison, compared.curve, title, compared.labels)
    labels = compared.labels
    response = HttpResponse(content, content_type="image/png")
    filename = (
        f"{slugify(journey.title) or 'journey'}-{slugify(labels[0])}-{slugify(labels[1])}.png"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response

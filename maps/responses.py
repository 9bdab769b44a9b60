"""Responses of the map page and of every edit made on it.

The map is one template, `journeys/map.html`; each edit answers with the part of it that changed
(a partial named like the element it replaces, through core.htmx.render_htmx) and announces
`mapChanged`, to which the summary row and the emotion curve listen instead of every view knowing
which parts depend on cards.
"""

from django.http import HttpRequest, HttpResponse
from django.template.loader import get_template
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_htmx.http import reswap, retarget, trigger_client_event

from core.htmx import redirect_after_post, render_htmx
from core.urls import url_template
from maps import fragments
from maps.axis_html import AxisHtml
from maps.curves import emotion_curve_for_map
from maps.swimlanes import JourneyMap, load_map
from maps.touchpoint_html import GridHtml
from workspaces.models import Membership

TEMPLATE = "journeys/map.html"


def map_context(membership: Membership, journey_map: JourneyMap, **extra) -> dict:
    """The map template's context; `extra` may replace any of it (a version's page draws the
    grid read-only, with its own URLs), and the cells and headers are drawn with what is left."""
    chosen = journey_map.chosen
    journey = journey_map.journey
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "can_edit": membership.can_edit,
        "journey": journey,
        # Built once: every cell links to it, and every card to its panel (core/urls.py).
        "journey_url": journey.get_absolute_url(),
        "card_url_template": url_template("journeys:card", membership.workspace.slug, journey.pk),
        "map": journey_map,
        "chosen": chosen,
        "persona_key": chosen.key if chosen else "",
        "labels": _labels(),
        "axis_html": AxisHtml(membership.workspace.slug, journey.pk, journey.language),
        **extra,
    }
    context["grid_html"] = GridHtml(
        card_url=context["card_url_template"],
        language=journey.language,
        labels=context["labels"],
        journey_url=context["journey_url"],
    )
    return context


def _labels() -> dict[str, str]:
    """The words every cell or card repeats, translated once per response rather than hundreds
    of times: on a map of 400 cards that was a tenth of the page's time."""
    return {
        "add_card": _("Add card"),
        "new_card_title": _("Title of the new card"),
        "what_happens": _("What happens here?"),
        "add": _("Add"),
        "owner_team": _("Owner team:"),
        "on_target": _("on target"),
        "off_target": _("off target"),
        "target": _("target"),
    }


def render_map(
    request: HttpRequest,
    membership: Membership,
    journey_map: JourneyMap,
    partial: str = "",
    *,
    status: int = 200,
    **extra,
) -> HttpResponse:
    """The map page, or one of its partials for an HTMX request.

    Without HTMX the whole page is drawn, bound forms and their errors included, so every form
    works without JavaScript.
    """
    context = map_context(membership, journey_map, **extra)
    if not (partial and request.htmx):
        context["curve"] = map_curve(journey_map)
    return render_htmx(request, TEMPLATE, context, partial=partial, status=status)


def map_curve(journey_map: JourneyMap):
    """The chosen persona's emotion curve, from the cards the map has loaded: no query."""
    m = journey_map
    return emotion_curve_for_map(
        m.journey, m.stages, m.journey_personas, m.chosen, m.touchpoints(), evidence=m.evidence
    )


CURVE = "journeys/curve.html#emotion_curve"


def curve_html(context: dict) -> str:
    """The emotion curve's section of the map (`context["curve"]`), drawn once per state of
    the curve and language (maps/fragments.py): the same on every page of the same map until
    a card's emotion, a stage or a persona changes, and it cost a tenth of the page."""
    # The same for readers and editors: it holds no edit control.
    can_edit = False
    return fragments.drawn_once(
        "curve", context["curve"].state, can_edit, lambda: get_template(CURVE).render(context)
    )


def message_only(request: HttpRequest, membership: Membership, journey_map: JourneyMap):
    """A refused change that has no field to show its message beside (a forged cell, an
    expired undo): the message comes out of band and nothing on the page is replaced."""
    if not request.htmx:
        return back_to_map(
            request, journey_map.journey, journey_map.chosen.key if journey_map.chosen else ""
        )
    return reswap(render_map(request, membership, journey_map, "nothing", status=400), "none")


def map_changed(response: HttpResponse) -> HttpResponse:
    return trigger_client_event(response, "mapChanged", after="receive")


def grid_changed(request: HttpRequest, membership: Membership, journey, persona_key: str):
    """After a change of stages or channels, the whole grid is drawn again. It replaces the grid
    whatever element the form aimed at: a header's menu aims at its header (to ask before
    deleting cards), and a grid swapped into a header cell would leave two grids on the page."""
    if not request.htmx:
        return back_to_map(request, journey, persona_key)
    journey_map = load_map(journey, persona_key)
    response = render_map(request, membership, journey_map, "map_grid")
    return map_changed(reswap(retarget(response, "#map_grid"), "outerHTML"))


def back_to_map(request: HttpRequest, journey, persona_key: str = "", **query) -> HttpResponse:
    url = journey.get_absolute_url()
    params = {"persona": persona_key, **query} if persona_key else query
    if params:
        url += "?" + urlencode(params)
    return redirect_after_post(request, url)


def touchpoint_map(request: HttpRequest, touchpoint) -> JourneyMap:
    """The map of the touchpoint's persona, the touchpoint placed on it; every touchpoint of
    the map only for a whole page (an htmx answer draws just the cells that changed)."""
    journey_map = load_map(
        touchpoint.journey,
        None,
        persona_id=touchpoint.persona_id,
        with_touchpoints=not request.htmx,
    )
    journey_map.place(touchpoint)
    return journey_map

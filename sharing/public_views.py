"""The pages of a share link, for a visitor without an account: the map, the text version and
the presentation of one journey, read-only. `visits.shared_page` finds the link first."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from maps.responses import map_curve
from maps.swimlanes import load_map
from sharing import presentation
from sharing.models import ShareLink
from sharing.visits import ROBOTS, embedded, shared_page


def _links(request) -> dict:
    token = request.share_token
    return {
        "map": reverse("shared:map", args=[token]),
        "text": reverse("shared:text", args=[token]),
        "present": reverse("shared:present", args=[token]),
    }


@require_safe
@shared_page
def shared_map(request, link: ShareLink) -> HttpResponse:
    journey_map = load_map(link.journey, request.GET.get("persona"))
    context = {
        "journey": link.journey,
        "map": journey_map,
        "chosen": journey_map.chosen,
        "curve": map_curve(journey_map),
        "links": _links(request),
        "embed": embedded(request),
        "owner_label": _("Owner team:"),
    }
    return render(request, "sharing/shared_map.html", context)


@require_safe
@shared_page
def shared_text(request, link: ShareLink) -> HttpResponse:
    return presentation.text_version(
        request,
        link.journey,
        shell="sharing/public_base.html",
        links=_links(request),
        show_comments=link.show_comments,
    )


@require_safe
@shared_page
def shared_present(request, link: ShareLink) -> HttpResponse:
    return presentation.present(
        request, link.journey, exit_url=_links(request)["map"], robots=ROBOTS
    )

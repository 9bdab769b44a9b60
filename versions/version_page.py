"""One version of a journey, drawn read-only by the map page's own grid and curve
(version_map.py), with a banner saying which version it is; `?card=<n>` opens a card."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from core.htmx import HtmxHttpRequest, render_htmx, targeted
from core.urls import ID
from maps.responses import map_context
from versions.access import get_version
from versions.version_map import version_map
from workspaces.models import Action


@login_required
@require_safe
def version_detail(request: HtmxHttpRequest, slug: str, pk: int, version_pk: int) -> HttpResponse:
    version, membership = get_version(request.user, slug, pk, version_pk, Action.READ)
    shown = version_map(version.journey, version.document(), request.GET.get("persona"))
    url = reverse("versions:detail", args=[slug, pk, version_pk])
    card = _card(shown, request.GET.get("card"))
    context = map_context(
        membership,
        shown.journey_map,
        can_edit=False,
        version=version,
        journey_url=url,
        card_url_template=f"{url}?card={ID}",
        curve=shown.curve,
        card=card,
    )
    partial = targeted(request, "card_panel")
    return render_htmx(request, "versions/version.html", context, partial=partial)


def _card(shown, value: str | None):
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) not in shown.cards:
        raise Http404
    return shown.cards[int(value)]

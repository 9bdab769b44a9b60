"""A journey's pages for its members: share links (made and revoked by editors and owners), the
text version and the presentation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from journeys.access import get_journey
from sharing import presentation
from sharing.forms import ShareLinkForm
from sharing.models import ShareLink
from workspaces.models import Action

# The token of a link just made, kept in the session until the list shows it once.
NEW_TOKEN = "sharing:new-token"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def share_links(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The journey's share links, with their creator and last use, and the form for a new one."""
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    form = ShareLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _link, token = ShareLink.create_for(
            journey,
            request.user,
            days=form.days,
            show_comments=form.cleaned_data["show_comments"],
        )
        request.session[NEW_TOKEN] = token
        messages.success(request, _("Share link made. Copy it now: it is shown only once."))
        return redirect(request.path)
    token = request.session.pop(NEW_TOKEN, None)
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "journey": journey,
        "form": form,
        "links": journey.share_links.select_related("created_by"),
        "new_link": request.build_absolute_uri(ShareLink.path(token)) if token else "",
    }
    return render(request, "sharing/links.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def share_revoke(request: HttpRequest, slug: str, pk: int, link_pk: int) -> HttpResponse:
    journey, _membership = get_journey(request.user, slug, pk, Action.EDIT)
    link = get_object_or_404(journey.share_links, pk=link_pk)
    link.revoke()
    messages.success(request, _("Share link revoked: it no longer opens the journey."))
    return redirect("journeys:share", slug, pk)


def _links(journey) -> dict:
    args = [journey.workspace.slug, journey.pk]
    return {
        "map": journey.get_absolute_url(),
        "text": reverse("journeys:text", args=args),
        "present": reverse("journeys:present", args=args),
    }


@login_required
@require_safe
def journey_text(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, membership = get_journey(request.user, slug, pk, Action.READ)
    return presentation.text_version(
        request,
        journey,
        shell="base.html",
        links=_links(journey),
        show_comments=True,
        workspace=membership.workspace,
    )


@login_required
@require_safe
def journey_present(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    journey, _membership = get_journey(request.user, slug, pk, Action.READ)
    persona = request.GET.get("persona")
    exit_url = journey.get_absolute_url() + (
        f"?{urlencode({'persona': persona})}" if persona else ""
    )
    return presentation.present(request, journey, exit_url=exit_url)

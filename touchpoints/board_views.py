"""The friction board: every friction note of a workspace, for every member to work from."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_safe
from django_htmx.http import push_url

from core.htmx import HtmxHttpRequest, render_htmx, targeted
from touchpoints.board import load_board
from workspaces.access import get_membership
from workspaces.models import Action


@login_required
@require_safe
def board(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """Filters live in the query string, so a filtered board is a link to share. A refused
    filter is named beside the form and left out; the others still apply (status 400)."""
    membership = get_membership(request.user, slug, Action.READ)
    board = load_board(membership.workspace, request.user, request.GET)
    response = render_htmx(
        request,
        "touchpoints/board.html",
        {"workspace": membership.workspace, "membership": membership, "board": board},
        partial=targeted(request, "board"),
        status=400 if board.filters.errors else 200,
    )
    if request.htmx:
        # The address bar gets the board's own query string, not the form's every empty field.
        push_url(response, f"{request.path}?{board.query}" if board.query else request.path)
    return response

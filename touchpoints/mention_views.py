"""A member's Mentions: the comments that name them, unread until they open them; and the
suggestions the comment box offers after "@"."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST, require_safe

from core.folding import folded_prefix
from core.htmx import HtmxHttpRequest
from touchpoints.models import Mention
from workspaces.access import get_membership
from workspaces.models import Action

PAGE_SIZE = 30
SUGGESTIONS = 8


def _mentions_of(membership):
    """The member's mentions, but for those in journeys in the trash."""
    return Mention.objects.filter(
        workspace=membership.workspace,
        user=membership.user,
        comment__friction__touchpoint__journey__deleted_at=None,
    )


@login_required
@require_safe
def mentions(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.READ)
    mine = _mentions_of(membership)
    comments_mentions = Prefetch(
        "comment__mentions", queryset=Mention.objects.select_related("user")
    )
    listed = mine.select_related(
        "comment__author", "comment__friction__touchpoint__journey"
    ).prefetch_related(comments_mentions)
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "page": page,
        "unread": mine.filter(read_at=None).count(),
    }
    return render(request, "touchpoints/mentions.html", context)


@login_required
@require_safe
def mention_open(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    """Opening a mention reads it: the map opens on its card, its friction and its thread."""
    membership = get_membership(request.user, slug, Action.READ)
    mention = get_object_or_404(
        _mentions_of(membership).select_related("comment__friction__touchpoint__journey"), pk=pk
    )
    if mention.read_at is None:
        Mention.objects.filter(pk=mention.pk).update(read_at=timezone.now())
    note = mention.comment.friction
    query = urlencode({"card": note.touchpoint_id, "friction": note.pk})
    url = f"{note.touchpoint.journey.get_absolute_url()}?{query}#comment-{mention.comment_id}"
    return redirect(url)


@login_required
@require_POST
def mentions_read(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.READ)
    _mentions_of(membership).filter(read_at=None).update(read_at=timezone.now())
    return redirect("workspaces:mentions", slug)


@login_required
@require_safe
def mentions_unread(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The unread count beside "Mentions" in the header, asked for after the page loads (and
    every minute), so no page pays a query for it."""
    membership = get_membership(request.user, slug, Action.READ)
    unread = _mentions_of(membership).filter(read_at=None).count()
    return render(request, "touchpoints/mentions.html#unread_badge", {"unread": unread})


@login_required
@require_safe
def mention_suggestions(request: HtmxHttpRequest, slug: str) -> JsonResponse:
    """Members whose name (or a word of it) or e-mail starts with `q`, accents and case aside,
    for the comment box after "@"."""
    membership = get_membership(request.user, slug, Action.COMMENT)
    wanted = request.GET.get("q", "").strip()[:60]
    people = membership.workspace.people().order_by("name", "email")
    if wanted:
        people = people.filter(folded_prefix(wanted, "name") | Q(email__istartswith=wanted))
    found = [
        {"name": person.display_name, "email": person.email} for person in people[:SUGGESTIONS]
    ]
    return JsonResponse({"members": found})

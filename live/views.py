"""The live pages: the event stream of a workspace (or of one journey), and the presence list.

The stream streams Server-Sent Events from an async iterator, served by the ASGI server (uvicorn).
It checks membership when it opens (an outsider gets 404), catches up from `Last-Event-ID`, and
ends when its member leaves the workspace. docs/architecture.md describes its URL and events.
"""

import threading
from datetime import UTC, datetime, timedelta

from django.contrib.auth.decorators import login_required
from django.core.handlers.asgi import ASGIRequest
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_safe

from journeys.access import get_journey
from live import presence
from live.pushing import Audience
from live.streams import Stream
from workspaces.access import get_membership
from workspaces.models import Action

# Streams open in bursts (every page of a restarted server reconnects at once): a few at a
# time reach the database, each from its request's thread, so a burst cannot exhaust its
# connections (500 at once did, with PostgreSQL's default 100).
OPENING = threading.BoundedSemaphore(8)


@require_safe
def stream(request: HttpRequest, slug: str, journey_pk: int | None = None) -> HttpResponse:
    """The workspace's changes, or a journey's (`journeys/<id>/stream/`, with `tab=<uuid>` for
    presence); `since=<event id>` or the `Last-Event-ID` header to catch up, or `t=<ms>`, when
    the page was drawn.

    The view checks access, synchronously like every view; the streaming is the async iterator
    of live.streams, which the ASGI server runs on its event loop for as long as the page is open.
    """
    if not isinstance(request, ASGIRequest):
        # Served by a WSGI server (the tests' live server): pages draw no stream there.
        return HttpResponse(status=204)
    with OPENING:
        try:
            membership = _member(request, slug, journey_pk)
        finally:
            # The open stream keeps no connection of its own (live.streams.db).
            connection.close()
    persona = _number(request.GET.get("persona")) if journey_pk else None
    events = Stream(
        workspace=membership.workspace_id,
        user=request.user.pk,
        journey=journey_pk,
        tab=presence.parse_tab(request.GET.get("tab")) if journey_pk else None,
        since_id=_number(request.headers.get("Last-Event-ID") or request.GET.get("since")),
        since_time=_moment(request.GET.get("t")),
        # A map page (`persona=<id>`) gets its parts drawn for it (live.pushing); the persona
        # is looked for in this journey only, so another journey's never shows.
        audience=Audience(journey_pk, persona, get_language(), membership.can_edit)
        if persona
        else None,
    ).events()
    response = StreamingHttpResponse(events, content_type="text/event-stream")
    # Events are UTF-8 (as the SSE standard has them); said once, rather than Django reading
    # the Content-Type header again for each event it encodes.
    response.charset = "utf-8"
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # no proxy may hold events back
    return response


def _member(request, slug: str, journey_pk: int | None):
    """The user's membership; 404 for anyone else, and for another workspace's journey."""
    if journey_pk is None:
        return get_membership(request.user, slug, Action.READ)
    return get_journey(request.user, slug, journey_pk, Action.READ)[1]


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isascii() and value.isdigit() else None


def _moment(value: str | None) -> datetime | None:
    """A page's drawing time in ms, a second early: a change twice is better than none."""
    ms = _number(value)
    if ms is None:
        return None
    return datetime.fromtimestamp(ms / 1000, tz=UTC) - timedelta(seconds=1)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def journey_presence(request: HttpRequest, slug: str, journey_pk: int) -> HttpResponse:
    """GET: who else is on the journey now. POST `tab`, `card`: the card this tab has open."""
    journey, membership = get_journey(request.user, slug, journey_pk, Action.READ)
    if request.method == "POST":
        tab = presence.parse_tab(request.POST.get("tab"))
        if tab is None:
            raise Http404
        card = _number(request.POST.get("card"))
        presence.open_card(tab, request.user, journey, card)
        return HttpResponse(status=204)
    people = presence.here(journey.pk, but=request.user)
    return render(request, "live/presence.html", {"people": people, "journey": journey})

"""The page's side of live updates: whether the server can stream, and the stream to open."""

import time
import uuid

from django import template
from django.core.handlers.asgi import ASGIRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode

register = template.Library()

MAP_PAGE = "journeys:detail"


@register.filter
def is_live(request) -> bool:
    """Streams need the ASGI server (make run, make serve); a WSGI server draws pages without."""
    return isinstance(request, ASGIRequest)


@register.simple_tag(takes_context=True)
def live_stream(context) -> str:
    """The attributes of <body> that open the stream (htmx's SSE extension) on a workspace page:
    a journey's pages follow that journey, the others the whole workspace."""
    request, workspace = context.get("request"), context.get("workspace")
    if not (is_live(request) and workspace and request.user.is_authenticated):
        return ""
    journey, chosen = context.get("journey"), context.get("chosen")
    # `t`: when the page was drawn, so the stream sends what changed since (docs/architecture.md).
    query = {"t": int(time.time() * 1000)}
    tab = ""
    url = reverse("live:stream", args=[workspace.slug])
    if journey is not None:
        tab = str(uuid.uuid4())
        query["tab"] = tab
        url = reverse("live:journey_stream", args=[workspace.slug, journey.pk])
    match = request.resolver_match
    page = f"{match.namespace}:{match.url_name}" if match else ""
    if page == MAP_PAGE and chosen:
        # The map page gets its changed parts drawn for it, in its stream (live/pushing.py).
        query["persona"] = chosen.persona_id
    return format_html(
        ' hx-ext="sse" sse-connect="{}?{}" sse-close="end" data-live-user="{}"'
        ' data-live-journey="{}" data-live-persona="{}" data-live-tab="{}" data-live-page="{}"'
        ' data-live-push="{}"',
        url,
        urlencode(query),
        request.user.pk,
        journey.pk if journey is not None else "",
        chosen.persona_id if chosen else "",
        tab,
        page,
        "1" if "persona" in query else "",
    )

"""The pages that show a journey whole, for members and for visitors of a share link alike:
the presentation (one stage a page) and the text version. The views give the addresses."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode

from core.htmx import render_htmx
from journeys.models import Journey
from maps.digest import load_digest


def stage_number(value: str | None, count: int) -> int:
    """`?stage=` as a number between 1 and `count`; anything else is the first stage."""
    number = int(value) if value and value.isascii() and value.isdigit() else 1
    return min(max(number, 1), max(count, 1))


def present(
    request: HttpRequest, journey: Journey, *, exit_url: str, robots: str = ""
) -> HttpResponse:
    """A stage of the presentation: `?persona=<key>&stage=<n>` (from 1)."""
    digest = load_digest(journey, request.GET.get("persona", ""))
    view = digest.personas[0] if digest.personas else None
    count = len(digest.stages)
    number = stage_number(request.GET.get("stage"), count)
    stage_view = view.stages[number - 1] if view and count else None

    def url(n: int) -> str:
        query = {"persona": view.key, "stage": n} if view else {"stage": n}
        return f"{request.path}?{urlencode(query)}"

    context = {
        "journey": journey,
        "view": view,
        "stage_view": stage_view,
        "count": count,
        "previous_url": url(number - 1) if number > 1 else "",
        "next_url": url(number + 1) if number < count else "",
        "exit_url": exit_url,
        "personas": digest.journey_personas,
        "robots": robots,
    }
    return render_htmx(request, "sharing/present.html", context, partial="presentation")


def text_version(
    request: HttpRequest, journey: Journey, *, shell: str, links: dict, show_comments: bool, **extra
) -> HttpResponse:
    digest = load_digest(journey, with_comments=show_comments)
    context = {
        "shell": shell,
        "journey": journey,
        "digest": digest,
        "links": links,
        "show_comments": show_comments,
        **extra,
    }
    return render(request, "sharing/text.html", context)

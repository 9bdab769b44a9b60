"""Requests refused for what they ask, not for who asks: a full journey, too many attempts.

A view (or a model method it calls) raises `Refused`; `core.middleware.RefusalMiddleware` turns
it into the answer, one way for every view. An htmx request gets the status with the message in
the page's message area (htmx swaps nothing else), so the person's typing stays where it is. A
plain request gets a page saying what happened, and when to try again if that applies.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.htmx import varies_with_htmx


class Refused(Exception):
    """Something the person may not do now; `message` tells them, `retry_after` (seconds) when
    they may try again, if waiting helps."""

    status = 409
    message = ""
    retry_after: int | None = None


def refusal_response(request: HttpRequest, refusal: Refused) -> HttpResponse:
    if getattr(request, "htmx", False):
        messages.error(request, refusal.message)
        response = HttpResponse(status=refusal.status, content_type="text/html; charset=utf-8")
        # Only the message, out of band (core.middleware.HtmxMessagesMiddleware).
        response["HX-Reswap"] = "none"
    else:
        context = {"message": refusal.message, "retry_after": refusal.retry_after}
        response = render(request, "refused.html", context, status=refusal.status)
    if refusal.retry_after is not None:
        response["Retry-After"] = str(refusal.retry_after)
    return varies_with_htmx(response)

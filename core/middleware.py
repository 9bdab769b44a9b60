from django.conf import settings
from django.contrib.messages import get_messages
from django.http import QueryDict
from django.template.loader import render_to_string

from core.htmx import varies_with_htmx
from core.refusals import Refused, refusal_response


class HtmxMessagesMiddleware:
    """Messages added during an HTMX request ride along out of band, into the page's message
    area, so a view reports "deleted", "someone else moved it first"... whatever it swaps.

    Responses that make htmx navigate keep their messages for the next page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not getattr(request, "htmx", False)
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or any(header in response for header in ("HX-Redirect", "HX-Location", "HX-Refresh"))
            or 300 <= response.status_code < 400
        ):
            return response
        messages = get_messages(request)
        # `used`: the view's own template already showed them in place.
        if messages and not messages.used:
            context = {"messages": messages, "oob": True}
            response.write(render_to_string("base.html#messages", context, request))
            varies_with_htmx(response)
        return response


class RefusalMiddleware:
    """A view that raised core.refusals.Refused (a full journey, too many attempts) answers
    with its message instead of an error page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Refused):
            return refusal_response(request, exception)
        return None


class PermissionsPolicyMiddleware:
    """Every answer refuses the browser features the app never uses
    (settings.PERMISSIONS_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class NulCharactersMiddleware:
    """No person types a NUL character and PostgreSQL stores none in text (a query naming one
    fails), so they are taken out of every query-string and form value before a view reads
    them: `?q=%00` searches for nothing rather than breaking the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _without_nul(request.GET)
        if request.method == "POST":
            request.POST = _without_nul(request.POST)
        return self.get_response(request)


def _without_nul(data: QueryDict) -> QueryDict:
    if not any("\x00" in key or any("\x00" in v for v in values) for key, values in data.lists()):
        return data
    clean = QueryDict(mutable=True)
    for key, values in data.lists():
        clean.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    clean._mutable = False
    return clean

"""The ASGI handler (core/asgi_handler.py) runs a request's middleware and its view in one
thread, the request's own, and never on the server's event loop; and it still streams."""

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from asgiref.testing import ApplicationCommunicator
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import path

from core.asgi_handler import SyncChainASGIHandler

SEEN: dict[str, int] = {}


class Where:
    """Last in the chain, able to run either way as Axes is: it notes the thread it ran in."""

    sync_capable = async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    def __call__(self, request):
        SEEN["middleware"] = threading.get_ident()
        if iscoroutinefunction(self):
            return self._acall(request)
        return self.get_response(request)

    async def _acall(self, request):
        return await self.get_response(request)


THREAD = threading.local()


def page(request):
    SEEN["view"] = threading.get_ident()
    THREAD.served = getattr(THREAD, "served", 0) + 1
    return HttpResponse(f"drawn, request {THREAD.served} of this thread")


def stream(request):
    async def events():
        for word in ("one", "two"):
            yield f"data: {word}\n\n"

    return StreamingHttpResponse(events(), content_type="text/event-stream")


urlpatterns = [path("page/", page), path("stream/", stream)]


def _get(application, url: str) -> tuple[int, bytes, int]:
    """Status, body and the event loop's thread, for a GET through the ASGI application."""
    scope = {
        "type": "http",
        "method": "GET",
        "path": url,
        "query_string": b"",
        "headers": [(b"host", b"localhost")],
        "server": ("127.0.0.1", 80),
        "client": ("127.0.0.1", 50000),
    }

    async def run():
        communicator = ApplicationCommunicator(application, scope)
        await communicator.send_input({"type": "http.request", "body": b""})
        start = await communicator.receive_output(5)
        body = b""
        while True:
            message = await communicator.receive_output(5)
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        return start["status"], body, threading.get_ident()

    # In a thread of its own: the browser tests' Playwright keeps an event loop in this one.
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, run()).result()


@pytest.fixture
def application(settings):
    settings.ROOT_URLCONF = __name__
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.Where"]
    SEEN.clear()
    return SyncChainASGIHandler()


def test_the_middleware_and_the_view_run_in_one_thread_off_the_event_loop(application):
    status, body, loop_thread = _get(application, "/page/")

    assert (status, body) == (200, b"drawn, request 1 of this thread")
    # Django's own handler runs an async-capable middleware on the event loop.
    assert SEEN["middleware"] == SEEN["view"] != loop_thread


def test_the_next_request_runs_in_the_same_thread_rather_than_a_new_one(application):
    _get(application, "/page/")

    _, body, _ = _get(application, "/page/")

    # Django's own handler starts a thread for every request.
    assert body == b"drawn, request 2 of this thread"


def test_a_streamed_answer_still_streams_from_the_event_loop(application):
    status, body, _ = _get(application, "/stream/")

    assert (status, body) == (200, b"data: one\n\ndata: two\n\n")

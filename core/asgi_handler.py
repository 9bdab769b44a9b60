"""The ASGI handler: Django's, with each request's middleware and view run in one thread, once.

Every view of the app is synchronous (a live stream's view too: only its event iterator is
async). Django's own ASGI handler builds its middleware chain for the event loop and adapts it
at each change of kind: with ours (some middleware sync-only, some async-capable, Axes last)
a request went from the event loop to a thread, back to the loop for Axes, and to a thread
again for each `process_view` and for the view. Each crossing waits for the loop, which under
load is busy writing fifty streams. Here the chain is the synchronous one a WSGI server runs,
entered once per request in the request's own thread (Django's ThreadSensitiveContext, so its
database connection is the one closed when the response is). Measured under 50 editors, in
turns in one sitting: about 2 ms less server time per request and a quarter off the p95s
(docs/benchmarks.md).
"""

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler


class SyncChainASGIHandler(ASGIHandler):
    def load_middleware(self, is_async: bool = False) -> None:
        super().load_middleware(is_async=False)

    async def get_response_async(self, request):
        return await sync_to_async(self.get_response, thread_sensitive=True)(request)

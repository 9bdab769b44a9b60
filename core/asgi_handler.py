"""The ASGI handler: Django's, with each request's middleware and view run in one thread, once,
taken from a pool of threads rather than started for the request.

Every view of the app is synchronous (a live stream's view too: only its event iterator is
async). Django's own ASGI handler builds its middleware chain for the event loop and adapts it
at each change of kind: with ours (some middleware sync-only, some async-capable, Axes last)
a request went from the event loop to a thread, back to the loop for Axes, and to a thread
again for each `process_view` and for the view. Each crossing waits for the loop, which under
load is busy writing fifty streams. Here the chain is the synchronous one a WSGI server runs,
entered once per request.

Django gives each request a thread of its own (asgiref's ThreadSensitiveContext), so that its
database connection is the one closed when the response is; it started a thread for every
request and joined it after, which under 50 editors was about a tenth of the event loop's time.
The same thread-per-request rule holds here with threads kept for the next request.
Both measured under 50 editors, in turns in one sitting (docs/benchmarks.md).
"""

from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core.handlers.asgi import ASGIHandler

# Threads kept for the next requests; more are started when more requests (or open streams,
# which hold theirs while open) run at once, and stopped when they end beyond this number.
KEPT_THREADS = 32


class SyncChainASGIHandler(ASGIHandler):
    def __init__(self):
        super().__init__()
        self._idle: list[ThreadPoolExecutor] = []

    def load_middleware(self, is_async: bool = False) -> None:
        super().load_middleware(is_async=False)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)  # which refuses it
        # One worker: a request's sync steps run one at a time, in order, on one thread.
        thread = self._idle.pop() if self._idle else ThreadPoolExecutor(max_workers=1)
        try:
            async with ThreadSensitiveContext(executor=thread):
                await self.handle(scope, receive, send)
        finally:
            if len(self._idle) < KEPT_THREADS:
                self._idle.append(thread)
            else:
                thread.shutdown(wait=False)

    async def get_response_async(self, request):
        return await sync_to_async(self.get_response, thread_sensitive=True)(request)

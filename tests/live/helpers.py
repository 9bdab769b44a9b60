"""Helpers of the live tests: a hub of their own on an event loop, and the streams' text."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import sync_to_async
from django.db import connection

WAIT = 5


async def next_change(subscription, timeout: float = WAIT):
    return await asyncio.wait_for(subscription.queue.get(), timeout)


async def nothing_within(subscription, seconds: float) -> bool:
    try:
        await asyncio.wait_for(subscription.queue.get(), seconds)
    except TimeoutError:
        return True
    return False


def run_async(coroutine):
    """Run `coroutine` to its end on an event loop of its own, in a thread of its own: the
    browser tests' Playwright keeps a loop running in the main thread."""

    def run():
        try:
            return asyncio.run(coroutine)
        finally:
            connection.close()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result()


def in_thread(function, *args):
    """A write as a view makes it: in another thread, committed (or not) on its own."""

    def run():
        try:
            return function(*args)
        finally:
            connection.close()

    return sync_to_async(run, thread_sensitive=False)()


def events_of(text: str) -> list[tuple[str, str, str]]:
    """(id, event, data) of each Server-Sent Event in `text`; comments left out."""
    events = []
    for block in text.split("\n\n"):
        fields = dict(
            line.split(": ", 1) for line in block.splitlines() if ": " in line and line[0] != ":"
        )
        if "event" in fields:
            events.append((fields.get("id", ""), fields["event"], fields.get("data", "")))
    return events


class StreamReader:
    """Reads a streaming response of the async test client, chunk by chunk, with a deadline."""

    def __init__(self, response):
        self.chunks = aiter(response.streaming_content)
        self.text = ""
        self.ended = False

    async def until(self, wanted: str, timeout: float = WAIT) -> str:
        async def read():
            while wanted not in self.text:
                try:
                    self.text += (await anext(self.chunks)).decode()
                except StopAsyncIteration:
                    self.ended = True
                    return

        await asyncio.wait_for(read(), timeout)
        return self.text

    async def close(self) -> None:
        await self.chunks.aclose()

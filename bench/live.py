"""Push latency and the cost of an open stream, against the production ASGI server.

    bin/with-postgres .venv/bin/python -m bench.live

One uvicorn process (as `make serve` starts it, one worker) on the throwaway PostgreSQL; 50
browsers' streams on one journey, opened over loopback; a teammate's card edits committed one
after another. For each edit, the time from just before its commit to each stream having the
event: the push latency, p50, p95 and max over every (edit, stream). Then the server's memory
with no stream and with STREAMS_FOR_MEMORY open, per stream, and the database connections the
server holds meanwhile (one LISTEN, whatever the number of streams).
"""

import asyncio
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

import psutil  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import User  # noqa: E402
from bench.data import journey_file  # noqa: E402
from journeys.models import Activity  # noqa: E402
from maps.interchange.importing import import_journey  # noqa: E402
from workspaces.models import Workspace  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LISTENERS = 50
EDITS = 60
STREAMS_FOR_MEMORY = 500


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = int(os.environ.get("BENCH_PORT") or free_port())


def start_server() -> subprocess.Popen:
    env = {
        **os.environ,
        "DEBUG": "false",
        # The sessions this process signs in must be the server's (`main` set a strong key:
        # with DEBUG off the server refuses the development one).
        "SECRET_KEY": settings.SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "config.asgi:application", "--host", "127.0.0.1"]
        + ["--port", str(PORT), "--no-access-log", "--timeout-graceful-shutdown", "1"],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            asyncio.run(asyncio.open_connection("127.0.0.1", PORT))
            return server
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


class Stream:
    """One browser's event stream, read over a raw connection: each event's arrival time."""

    def __init__(self, path: str, cookie: str):
        self.path, self.cookie = path, cookie
        self.arrivals: dict[int, float] = {}
        self.opened = asyncio.Event()

    async def run(self) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
        writer.write(
            f"GET {self.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: sessionid={self.cookie}\r\n"
            "Accept: text/event-stream\r\n\r\n".encode()
        )
        await writer.drain()
        try:
            while line := await reader.readline():
                if line.startswith(b"retry:"):
                    self.opened.set()
                elif line.startswith(b"data: ") and b'"version":' in line:
                    version = int(line.split(b'"version":')[1].split(b",")[0].rstrip(b"}\r\n"))
                    self.arrivals.setdefault(version, time.perf_counter())
        finally:
            writer.close()


def edit(card, user) -> tuple[int, float]:
    """A teammate's edit, committed: its version, and the moment just before the commit."""
    with transaction.atomic():
        card.save_changes(card.version, title=f"Edited to version {card.version + 1}")
        Activity.record(user, Activity.Verb.UPDATED, card, journey=card.journey)
        committing = time.perf_counter()
    return card.version, committing


async def open_streams(streams: list[Stream]) -> list[asyncio.Task]:
    tasks = [asyncio.create_task(stream.run()) for stream in streams]
    await asyncio.wait_for(asyncio.gather(*(s.opened.wait() for s in streams)), 120)
    return tasks


async def measure(path: str, cookie: str, card, user, server: psutil.Process) -> None:
    rss_idle, threads_idle = server.memory_info().rss, server.num_threads()
    streams = [Stream(path(), cookie) for _ in range(LISTENERS)]
    tasks = await open_streams(streams)
    await asyncio.sleep(1)
    samples, commits = [], []
    for _ in range(EDITS):
        version, committing = await asyncio.to_thread(edit, card, user)
        commits.append((version, committing))
        await asyncio.sleep(0.15)
    await asyncio.sleep(1)
    missed = 0
    for version, committing in commits:
        for stream in streams:
            if version in stream.arrivals:
                samples.append((stream.arrivals[version] - committing) * 1000)
            else:
                missed += 1
    quantiles = statistics.quantiles(samples, n=20)
    print(f"push latency, {LISTENERS} listeners × {EDITS} edits (commit → stream has it):")
    print(f"  p50 {statistics.median(samples):.1f} ms · p95 {quantiles[18]:.1f} ms · ", end="")
    print(f"max {max(samples):.1f} ms · missed {missed}")
    print(f"  database connections besides this one: {await asyncio.to_thread(db_count)}")

    more = [Stream(path(), cookie) for _ in range(STREAMS_FOR_MEMORY - LISTENERS)]
    tasks += await open_streams(more)
    await asyncio.sleep(2)
    rss_open = server.memory_info().rss
    per_stream = (rss_open - rss_idle) / STREAMS_FOR_MEMORY / 1024
    print(
        f"server memory: {rss_idle / 2**20:.1f} MiB idle, {rss_open / 2**20:.1f} MiB with ", end=""
    )
    print(f"{STREAMS_FOR_MEMORY} streams open: {per_stream:.1f} KiB per open stream")
    # Django runs sync-only middleware of each request on a thread of that request's own.
    print(f"  server threads: {threads_idle} idle, {server.num_threads()} with the streams open")
    print(f"  database connections besides this one: {await asyncio.to_thread(db_count)}")
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def db_count() -> int:
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            return cursor.fetchone()[0]
    finally:
        connection.close()


def main() -> None:
    call_command("migrate", verbosity=0)
    settings.SECRET_KEY = "live-bench-" + secrets.token_urlsafe(50)
    user = User.objects.create_user("live-bench@example.com", "bench")
    workspace = Workspace.create_with_owner("Live bench", user, slug="live-bench")
    journey = import_journey(workspace, journey_file(40), user)
    card = journey.touchpoints.order_by("pk").first()
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"].value
    base = reverse("live:journey_stream", args=[workspace.slug, journey.pk])
    connection.close()

    server = start_server()
    try:
        process = psutil.Process(server.pid)
        asyncio.run(measure(lambda: f"{base}?tab={uuid.uuid4()}", cookie, card, user, process))
    finally:
        server.terminate()
        server.wait(15)


if __name__ == "__main__":
    main()

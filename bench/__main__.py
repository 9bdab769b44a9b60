"""Benchmarks: `make bench` runs them on a throwaway PostgreSQL and prints the figures.

Server time is measured through Django's test client (the whole request/response cycle of the
view, middleware included, without a network hop), which is what a page costs an app server.
"""

import os
import statistics
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import User  # noqa: E402
from bench.data import journey_file  # noqa: E402
from journeys.interchange import dump_journey, import_journey  # noqa: E402
from workspaces.models import Workspace  # noqa: E402

RUNS = 40


def timed(fn, runs: int = RUNS) -> tuple[float, float]:
    """p50 and p95 of `fn` in milliseconds, after a short warm-up."""
    for _ in range(3):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), statistics.quantiles(samples, n=20)[18]


def get_ok(client: Client, url: str):
    def fetch():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return fetch


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} · runs per figure: {RUNS}")
    user = User.objects.create_user("bench@example.com", "bench")
    workspace = Workspace.create_with_owner("Bench", user, slug="bench")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)

    print(f"{'what':44} {'p50 ms':>8} {'p95 ms':>8}")
    for cards in (40, 400):
        data = journey_file(cards)
        start = time.perf_counter()
        journey = import_journey(workspace, data, user)
        import_ms = (time.perf_counter() - start) * 1000
        print(f"{f'import {cards}-card file (once)':44} {import_ms:8.1f}")
        p50, p95 = timed(lambda journey=journey: dump_journey(journey))
        print(f"{f'export {cards}-card journey as JSON':44} {p50:8.1f} {p95:8.1f}")
        p50, p95 = timed(get_ok(client, journey.get_absolute_url()))
        print(f"{f'map page, {cards} cards (8×8, 2 personas)':44} {p50:8.1f} {p95:8.1f}")

    for _ in range(20):
        import_journey(workspace, journey_file(12, stages=5, channels=6, frictions=4), user)
    journeys_url = reverse("journeys:list", args=[workspace.slug])
    p50, p95 = timed(get_ok(client, journeys_url))
    print(f"{'journeys page, 22 journeys':44} {p50:8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()

"""Export benchmarks: pictures of the 40- and 400-card maps, through the view (server time) and
through `manage.py export_journey` (wall time of a new process, Django's start included).

Run with the others by `make bench`, or alone: `bin/with-postgres .venv/bin/python -m bench.export`.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import User  # noqa: E402
from bench.data import journey_file  # noqa: E402
from core.limits import CHANNELS_PER_JOURNEY, STAGES_PER_JOURNEY  # noqa: E402
from maps.interchange.importing import import_journey  # noqa: E402
from workspaces.models import Workspace  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# Pictures take tenths of a second to seconds: fewer runs than the page benchmarks.
VIEW_RUNS = 7
COMMAND_RUNS = 3


def spread(samples: list[float]) -> tuple[float, float]:
    """p50 and the slowest run, in milliseconds."""
    return statistics.median(samples) * 1000, max(samples) * 1000


def view_times(client: Client, url: str, status: int = 200) -> tuple[float, float]:
    client.get(url)  # warm-up: fonts loaded, templates compiled
    samples = []
    for _ in range(VIEW_RUNS):
        start = time.perf_counter()
        response = client.get(url)
        samples.append(time.perf_counter() - start)
        assert response.status_code == status, (url, response.status_code)
    return spread(samples)


def command_times(journey_id: int, size: str) -> tuple[float, float]:
    samples = []
    with tempfile.TemporaryDirectory() as directory:
        command = [
            sys.executable, "manage.py", "export_journey", str(journey_id), "--format", "png",
            "--size", size, "--output", str(Path(directory) / "map.png"),
        ]  # fmt: skip
        for _ in range(COMMAND_RUNS):
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
            samples.append(time.perf_counter() - start)
    return spread(samples)


def export_benchmarks(client: Client, workspace: Workspace, user) -> None:
    print(f"{'picture export':44} {'p50 ms':>8} {'max ms':>8}")
    for cards in (40, 400):
        journey = import_journey(workspace, journey_file(cards), user)
        for size in ("slide", "full"):
            url = reverse("journeys:export", args=[workspace.slug, journey.pk, "png"])
            p50, slowest = view_times(client, f"{url}?size={size}")
            print(f"{f'PNG {size}, {cards} cards (view)':44} {p50:8.1f} {slowest:8.1f}")
        if cards == 400:
            for size in ("slide", "full"):
                p50, slowest = command_times(journey.pk, size)
                what = f"PNG {size}, {cards} cards (command, process)"
                print(f"{what:44} {p50:8.1f} {slowest:8.1f}")
    # At the limits (core/limits.py): every stage, 3 lanes, a card a cell on average; and the
    # refusal of a map past the pixel cap (every stage and channel, a card in each cell).
    for channels, size, status in ((3, "full", 200), (CHANNELS_PER_JOURNEY, "full", 400)):
        document = journey_file(
            STAGES_PER_JOURNEY * channels, stages=STAGES_PER_JOURNEY, channels=channels,
            personas=1, frictions=0,
        )  # fmt: skip
        journey = import_journey(workspace, document, user)
        url = reverse("journeys:export", args=[workspace.slug, journey.pk, "png"])
        p50, slowest = view_times(client, f"{url}?size={size}", status=status)
        what = f"PNG {size}, {STAGES_PER_JOURNEY} stages × {channels} lanes"
        what += " (refused)" if status == 400 else ""
        print(f"{what:44} {p50:8.1f} {slowest:8.1f}")


def main() -> None:
    call_command("migrate", verbosity=0)
    user = User.objects.create_user("bench-export@example.com", "bench")
    workspace = Workspace.create_with_owner("Bench export", user, slug="bench-export")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    export_benchmarks(client, workspace, user)


if __name__ == "__main__":
    main()

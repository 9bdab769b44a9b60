"""Document export benchmarks: the PowerPoint deck and the PDFs of a 400-card journey, through
`manage.py export_journey` (wall time of a new process, Django's start included: the figure
a script or a person at a terminal waits for; the target is under 3 s each). The processor time
of the process (user + system) is printed beside it: on a machine busy with other work the wall
time says more about the neighbours than about the export.

Run with the others by `make bench`, or alone:
`bin/with-postgres .venv/bin/python -m bench.documents`.
"""

import os
import resource
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

from accounts.models import User  # noqa: E402
from bench.data import journey_file  # noqa: E402
from bench.export import COMMAND_RUNS, ROOT, spread  # noqa: E402
from maps.interchange.importing import import_journey  # noqa: E402
from workspaces.models import Workspace  # noqa: E402

DOCUMENTS = (
    ("PPTX deck", ["--format", "pptx"], "deck.pptx"),
    ("PDF report", ["--format", "pdf"], "report.pdf"),
    ("PDF full map", ["--format", "pdf", "--size", "full"], "map.pdf"),
)


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def command_times(journey_id: int, options: list[str], name: str) -> tuple[float, float, float]:
    """p50 and slowest wall time, and p50 processor time, in milliseconds."""
    samples, cpu = [], []
    with tempfile.TemporaryDirectory() as directory:
        output = Path(directory) / name
        command = [sys.executable, "manage.py", "export_journey", str(journey_id), *options,
                   "--output", str(output)]  # fmt: skip
        for _ in range(COMMAND_RUNS):
            start, start_cpu = time.perf_counter(), _child_cpu()
            subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
            samples.append(time.perf_counter() - start)
            cpu.append(_child_cpu() - start_cpu)
    return (*spread(samples), statistics.median(cpu) * 1000)


def document_benchmarks(workspace: Workspace, user) -> None:
    journey = import_journey(workspace, journey_file(400), user)
    cards = journey.touchpoints.count()
    print(f"{'document export (command, process)':44} {'p50 ms':>8} {'max ms':>8} {'cpu ms':>8}")
    for what, options, name in DOCUMENTS:
        p50, slowest, cpu = command_times(journey.pk, options, name)
        print(f"{f'{what}, {cards} cards':44} {p50:8.1f} {slowest:8.1f} {cpu:8.1f}")


def main() -> None:
    call_command("migrate", verbosity=0)
    user = User.objects.create_user("bench-documents@example.com", "bench")
    workspace = Workspace.create_with_owner("Bench documents", user, slug="bench-documents")
    document_benchmarks(workspace, user)


if __name__ == "__main__":
    main()

"""How the benchmarks time things: percentiles of repeated runs, in milliseconds.

`BENCH_CLOCK=cpu` times with this process's CPU time instead of the wall clock: PostgreSQL's own
work is left out, and so is the waiting for a core, which makes runs on a busy shared machine
comparable with each other.
"""

import os
import statistics
import time

from django.test import Client

RUNS = 40
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
CLOCK_NAME = os.environ.get("BENCH_CLOCK", "wall")
CLOCK = CLOCKS[CLOCK_NAME]


def timed(fn, runs: int = RUNS) -> tuple[float, float]:
    """p50 and p95 of `fn` in milliseconds, after a short warm-up."""
    for _ in range(3):
        fn()
    samples = []
    for _ in range(runs):
        start = CLOCK()
        fn()
        samples.append((CLOCK() - start) * 1000)
    return statistics.median(samples), statistics.quantiles(samples, n=20)[18]


def get_ok(client: Client, url: str):
    def fetch():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return fetch

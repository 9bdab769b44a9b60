"""How the benchmarks time things: percentiles of repeated runs, in milliseconds."""

import statistics
import time

from django.test import Client

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

"""Evidence benchmarks: importing a 10,000-row export, and the 400-card map with 2,000 metrics
and 2,000 quotes against the same map without them (same query count, within 1.2× its time)."""

import csv
import io
import random
import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.data import journey_file
from bench.timing import CLOCK, RUNS, get_ok
from evidence.columns import guess_mapping
from evidence.importing import plan_import, refresh_statistics
from evidence.models import Metric, Verbatim, guess_kind
from evidence.periods import parse_period
from evidence.reading import read_table
from maps.interchange.importing import import_journey

IMPORT_ROWS = 10_000
MAP_EVIDENCE = 2_000


def export_rows(journey, rows: int, seed: int = 3) -> bytes:
    """A French survey and analytics export of `rows` rows: half metrics, half quotes, on the
    journey's cards (by name) and stages, with decimal commas and day-first dates."""
    rng = random.Random(seed)
    stages = {stage.pk: stage.name for stage in journey.stages.all()}
    cards = list(journey.touchpoints.values_list("stage_id", "key"))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(
        ["étape", "point de contact", "indicateur", "valeur", "unité", "période", "cible"]
        + ["verbatim", "date", "sentiment", "source"]
    )
    for n in range(rows):
        stage_id, card = rng.choice(cards)
        card = card if n % 3 else ""
        if n % 2:
            month = 1 + n % 12
            year = 2000 + n // 24
            writer.writerow(
                [
                    stages[stage_id],
                    card,
                    f"CSAT {n % 7}",
                    f"{rng.uniform(1, 5):.1f}".replace(".", ","),
                ]
                + ["/5", f"{year}-{month:02d}", "4", "", "", "", f"Enquête {n % 5}"]
            )
        else:
            day = f"{1 + n % 28:02d}/{1 + n % 12:02d}/2026"
            writer.writerow(
                [stages[stage_id], card, "", "", "", "", ""]
                + [
                    f"Verbatim n°{n}, assez long pour être réaliste.",
                    day,
                    rng.randint(-2, 2),
                    "Enquête",
                ]
            )
    return ("\ufeff" + out.getvalue()).encode()


def _query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        get_ok(client, url)()
    return len(queries.captured_queries)


def main(client, workspace, user) -> None:
    journey = import_journey(workspace, journey_file(400), user)
    data = export_rows(journey, IMPORT_ROWS)
    start, cpu_start = time.perf_counter(), time.process_time()
    table = read_table(data, "export.csv")
    plan = plan_import(journey, table, guess_mapping(table.headers))
    assert not plan.problems, plan.problems[:3]
    metrics, quotes = plan.apply(user, "export.csv")
    import_ms = (time.perf_counter() - start) * 1000
    import_cpu = (time.process_time() - cpu_start) * 1000
    size = f"{len(data) / 1e6:.1f} MB"
    print(f"{f'evidence import, {IMPORT_ROWS:,} rows ({size}, once)':44} {import_ms:8.1f}")
    print(f"{'  its CPU time (the database aside)':44} {import_cpu:8.1f}")
    print(f"{'  created':44} {metrics:>8} metrics, {quotes} quotes")
    start = time.perf_counter()
    plan_import(journey, read_table(data, "export.csv"), guess_mapping(table.headers))
    print(
        f"{'  same file again: report only (once)':44} {(time.perf_counter() - start) * 1000:8.1f}"
    )

    bare = import_journey(workspace, journey_file(400), user)
    loaded = import_journey(workspace, journey_file(400), user)
    _add_evidence(loaded, MAP_EVIDENCE)
    pages = {
        label: get_ok(client, journey.get_absolute_url())
        for label, journey in (
            ("without evidence", bare),
            ("with 2,000 metrics + 2,000 quotes", loaded),
        )
    }
    wall, cpu = alternated(pages, CLOCK), alternated(pages, time.process_time, runs=20)
    for label, journey in zip(pages, (bare, loaded), strict=True):
        p50, p95 = statistics.median(wall[label]), statistics.quantiles(wall[label], n=20)[18]
        queries = _query_count(client, journey.get_absolute_url())
        print(f"{f'map page, 400 cards, {label}':44} {p50:8.1f} {p95:8.1f}   {queries} queries")
        print(f"{'  its CPU time (p50)':44} {statistics.median(cpu[label]):8.1f}")
    without, with_ = pages
    ratio = statistics.median(wall[with_]) / statistics.median(wall[without])
    cpu_ratio = statistics.median(cpu[with_]) / statistics.median(cpu[without])
    print(f"{'  with ÷ without evidence (p50)':44} {ratio:8.2f}")
    print(f"{'  with ÷ without evidence (CPU p50)':44} {cpu_ratio:8.2f}")
    after_change = _after_a_change(loaded, pages[with_])
    p50 = statistics.median(after_change)
    print(f"{'  with, the first page after an evidence edit':44} {p50:8.1f}")
    print(f"{'  it ÷ without evidence (p50)':44} {p50 / statistics.median(wall[without]):8.2f}")


def _after_a_change(journey, fetch) -> list[float]:
    """The map page just after one of its figures is written again, so that its evidence is
    read and drawn anew rather than kept (maps/evidence_map.py): what the first viewer after
    every import or edit waits."""
    metric = Metric.objects.filter(journey=journey).first()
    samples = []
    for _ in range(RUNS // 2):
        Metric.objects.filter(pk=metric.pk).update(value=metric.value)
        start = CLOCK()
        fetch()
        samples.append((CLOCK() - start) * 1000)
    return samples


def alternated(pages: dict, clock, runs: int = RUNS) -> dict[str, list[float]]:
    """Samples of each page in ms, taken in turns (in either order, round by round) after a
    short warm-up: on a machine whose speed drifts by a third within minutes, the two maps timed
    one after the other compared two machines. `clock`: the benchmarks' (bench/timing.py) or
    the process's CPU time, which leaves out PostgreSQL's work and the waits for a core."""
    for fetch in pages.values():
        for _ in range(3):
            fetch()
    samples = {label: [] for label in pages}
    order = list(pages.items())
    for run in range(runs):
        for label, fetch in order if run % 2 else order[::-1]:
            start = clock()
            fetch()
            samples[label].append((clock() - start) * 1000)
    return samples


def _add_evidence(journey, count: int) -> None:
    """`count` metrics, as series of 8 months each (a trend per figure), and `count` quotes,
    spread over the journey's cards and stages."""
    rng = random.Random(5)
    cards = list(journey.touchpoints.all())
    stages = list(journey.stages.all())
    metrics, quotes = [], []
    names = ["CSAT", "NPS", "Taux de conversion", "Taux d'abandon", "Temps d'attente"]
    for series in range(count // 8):
        target = {"touchpoint": rng.choice(cards)} if series % 4 else {"stage": rng.choice(stages)}
        name = names[series % len(names)]
        for month in range(1, 9):
            period = parse_period(f"2026-{month:02d}")
            metrics.append(
                Metric(
                    journey=journey,
                    **target,
                    kind=guess_kind(name),
                    name=name,
                    value=round(rng.uniform(1, 80), 1),
                    unit="%",
                    period=period.label,
                    period_start=period.start,
                    period_end=period.end,
                    target=40,
                    source=f"Source {series}",
                )
            )
    for n in range(count):
        target = {"touchpoint": rng.choice(cards)} if n % 4 else {"stage": rng.choice(stages)}
        quotes.append(
            Verbatim(journey=journey, **target, text=f"Verbatim {n}", sentiment=rng.randint(-2, 2))
        )
    for item in [*metrics, *quotes]:
        item.identity = item.compute_identity()
    Metric.objects.bulk_create(metrics)
    Verbatim.objects.bulk_create(quotes)
    # What an import of that many rows does once written (evidence/importing.py says why).
    refresh_statistics(len(metrics) + len(quotes))

"""The evidence rows a map reads (evidence/map_rows.py), against the same rules written plainly
in Python over every metric: each series' latest figure and its size, and the first figures in
the map's order, whichever cards and stages they sit on and whichever persona they are for."""

import random
from datetime import date

import pytest

from evidence import map_rows
from evidence.models import Metric, Verbatim
from tests.factories import build_map

PERIODS = [  # (label, start, end): a month, a quarter ending with it, a range, a later month
    ("2026-03", date(2026, 3, 1), date(2026, 3, 31)),
    ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
    ("2026-01-01/2026-02-28", date(2026, 1, 1), date(2026, 2, 28)),
    ("2026-04", date(2026, 4, 1), date(2026, 4, 30)),
]


@pytest.fixture
def journey(workspace):
    journey = build_map(workspace, cards=8, personas=2)
    rng = random.Random(4)
    cards = list(journey.touchpoints.all())
    stages = list(journey.stages.all())
    personas = [link.persona_id for link in journey.journey_personas.all()]
    for n in range(160):
        if n % 2:
            target = {"touchpoint": rng.choice(cards)}
        else:
            target = {"stage": rng.choice(stages), "persona_id": rng.choice([None, *personas])}
        label, start, end = rng.choice(PERIODS)
        metric = Metric(
            journey=journey,
            **target,
            kind="csat",
            name=rng.choice(["CSAT", "Satisfaction"]),
            value=n,
            unit="/5",
            period=label,
            period_start=start,
            period_end=end,
            source=rng.choice(["Survey", "Panel"]),
        )
        metric.identity = metric.compute_identity()
        Metric.objects.bulk_create([metric], ignore_conflicts=True)
    return journey


def mine(journey, persona_id):
    """The persona's map's metrics: its cards', and its stages' (for everyone or for it)."""
    return [
        metric
        for metric in Metric.objects.filter(journey=journey).select_related("touchpoint")
        if (metric.stage_id and metric.persona_id in (None, persona_id))
        or (metric.touchpoint_id and metric.touchpoint.persona_id == persona_id)
    ]


def latest_by_rule(journey, persona_id) -> list[tuple[int, int]]:
    """(pk, series size) of each series' latest figure, by the rule."""
    series = {}
    for metric in sorted(
        mine(journey, persona_id), key=lambda m: (m.period_end, m.period_start, m.pk)
    ):
        key = (metric.stage_id, metric.touchpoint_id, metric.persona_id)
        key += (metric.kind, metric.name, metric.source)
        size = series.get(key, (None, 0))[1]
        series[key] = (metric, size + 1)
    return sorted((metric.pk, size) for metric, size in series.values())


def test_the_latest_figure_of_each_series_and_its_size(journey):
    persona_id = journey.journey_personas.first().persona_id

    latest = map_rows.figures_of(map_rows.latest_rows(journey.pk, persona_id))

    assert sorted((f.pk, f.series_size) for f in latest) == latest_by_rule(journey, persona_id)
    assert [f.period_end for f in latest] == sorted(f.period_end for f in latest)


def test_the_series_follow_metrics_edited_moved_and_deleted(journey):
    """On PostgreSQL the series are kept by triggers as metrics are written (migration 0003)."""
    persona_id = journey.journey_personas.first().persona_id
    metrics = Metric.objects.filter(journey=journey)
    newest = max(metrics, key=lambda m: (m.period_end, m.period_start, m.pk))
    newest.delete()  # its series' latest becomes the one before
    metrics.filter(name="CSAT", source="Panel").update(name="Satisfaction")  # series merged
    moved = metrics.filter(touchpoint__persona_id=persona_id).first()
    moved.period, moved.period_start, moved.period_end = PERIODS[3]
    moved.source = "Interviews"  # a series of its own, now the latest of its card
    moved.save()
    stage = journey.stages.first()
    metrics.filter(stage__isnull=False, persona_id=None).exclude(stage=stage).delete()

    latest = map_rows.figures_of(map_rows.latest_rows(journey.pk, persona_id))

    assert sorted((f.pk, f.series_size) for f in latest) == latest_by_rule(journey, persona_id)
    assert moved.pk in {f.pk for f in latest}


@pytest.mark.parametrize("limit", [1, 7, 30, 500])
def test_the_first_figures_in_the_maps_order_for_each_persona(journey, limit):
    stages = list(journey.stages.all())
    rank = {stage.pk: index for index, stage in enumerate(stages)}
    for link in journey.journey_personas.all():
        expected = sorted(
            mine(journey, link.persona_id),
            key=lambda m: (
                rank[m.stage_id or m.touchpoint.stage_id],
                m.touchpoint_id is None,
                m.touchpoint_id or 0,
                m.pk,
            ),
        )[:limit]
        latest = map_rows.figures_of(map_rows.latest_rows(journey.pk, link.persona_id))

        listed = map_rows.figures_of(
            map_rows.listed_rows(
                journey.pk, link.persona_id, latest, [stage.pk for stage in stages], limit
            )
        )

        assert [f.pk for f in listed] == [m.pk for m in expected]


def test_undated_quotes_come_after_dated_ones_newest_first(journey):
    stage = journey.stages.first()
    persona_id = journey.journey_personas.first().persona_id
    for n, day in enumerate([None, date(2026, 5, 2), None, date(2026, 6, 1), date(2026, 5, 2)]):
        Verbatim.objects.create(journey=journey, stage=stage, text=f"Quote {n}", date=day)

    quotes = map_rows.quotes_of(map_rows.newest_quote_rows(journey.pk, persona_id, 10))

    assert [quote.text for quote in quotes] == [
        "Quote 3",
        "Quote 4",
        "Quote 1",
        "Quote 2",
        "Quote 0",
    ]


def test_a_journey_without_stages_lists_nothing_and_fails_nothing(journey):
    """A map of no stage still asks its four queries (the same count with evidence or not)."""
    persona = journey.journey_personas.first().persona_id
    assert map_rows.listed_rows(journey.pk, persona, [], [], 30) == []


def test_the_quotes_counted_per_stage_follow_quotes_written_edited_and_deleted(journey):
    """On PostgreSQL from the tallies its triggers keep (migration 0003): the same counts and
    averages as counting every quote, to the last digit."""
    rng = random.Random(6)
    cards = list(journey.touchpoints.all())
    stages = list(journey.stages.all())
    personas = [link.persona_id for link in journey.journey_personas.all()]
    quotes = [
        Verbatim(
            journey=journey,
            **(
                {"touchpoint": rng.choice(cards)}
                if n % 3
                else {"stage": rng.choice(stages), "persona_id": rng.choice([None, *personas])}
            ),
            text=f"Quote {n}",
            sentiment=rng.choice([None, -2, -1, 0, 1, 2]),
        )
        for n in range(120)
    ]
    for quote in quotes:
        quote.identity = quote.compute_identity()
    Verbatim.objects.bulk_create(quotes)
    Verbatim.objects.filter(sentiment=-2).update(sentiment=1)
    Verbatim.objects.filter(text__endswith="7").delete()
    moved = Verbatim.objects.filter(touchpoint__isnull=False).first()
    moved.touchpoint = cards[-1]
    moved.save()

    for persona_id in personas:
        counted = map_rows.quotes_per_stage(journey.pk, persona_id)
        every = map_rows._rows(
            map_rows.QUOTES_COUNTED[False], [journey.pk, persona_id, journey.pk, persona_id]
        )
        assert sorted(counted) == sorted(every)
        by_rule: dict[int, int] = {}
        for quote in Verbatim.objects.filter(journey=journey).select_related("touchpoint"):
            if quote.touchpoint_id and quote.touchpoint.persona_id == persona_id:
                by_rule[quote.touchpoint.stage_id] = by_rule.get(quote.touchpoint.stage_id, 0) + 1
            elif quote.stage_id and quote.persona_id in (None, persona_id):
                by_rule[quote.stage_id] = by_rule.get(quote.stage_id, 0) + 1
        assert {stage: count for stage, count, _ in counted} == by_rule

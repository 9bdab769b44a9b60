"""The evidence on the map speaks the reader's language, French or English: the Metrics row,
the funnel, the list under the map and its quotes' chips are drawn in Python
(maps/evidence_html.py), and their words must still reach the French catalogue."""

from django.urls import reverse

from evidence.models import Metric, Verbatim
from evidence.periods import parse_period
from tests.factories import add_evidence, build_map


def _funnel_map(workspace):
    journey = build_map(workspace, cards=4)
    add_evidence(journey, 2)
    first = journey.stages.first()
    Verbatim.objects.create(journey=journey, stage=first, text="Sans avis")
    month = parse_period("2026-07")
    Metric.objects.create(
        journey=journey,
        stage=first,
        kind="conversion",
        value=40,
        unit="%",
        period=month.label,
        period_start=month.start,
        period_end=month.end,
    )
    return reverse("journeys:detail", args=[workspace.slug, journey.pk])


def test_the_map_evidence_in_english_writes_shares_without_a_space(client, viewer, workspace):
    url = _funnel_map(workspace)
    client.force_login(viewer)

    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "60% drop off" in html
    assert "\u00a0%" not in html


def test_the_map_evidence_in_french(client, viewer, workspace):
    url = _funnel_map(workspace)
    client.force_login(viewer)

    html = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert 'Indicateurs<span class="lane-hint">mesurés</span>' in html
    assert "60\u00a0% abandonnent" in html  # the funnel past the first stage
    assert "abandon non mesuré" in html  # and past the others, without a rate
    assert "Sentiment inconnu" in html
    assert "la plus grave :" in html  # the frictions badge of the summary row
    assert "worst" not in html
    assert "measured<" not in html

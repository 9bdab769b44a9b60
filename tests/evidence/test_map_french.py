"""The evidence on the map speaks the reader's language: the Metrics row, the funnel, the list
under the map and its quotes' chips are drawn in Python (maps/evidence_html.py), and their
words must still reach the French catalogue."""

from django.urls import reverse

from evidence.models import Metric, Verbatim
from evidence.periods import parse_period
from tests.factories import add_evidence, build_map


def test_the_map_evidence_in_french(client, viewer, workspace):
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
    client.force_login(viewer)

    html = client.get(
        reverse("journeys:detail", args=[workspace.slug, journey.pk]), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()

    assert 'Indicateurs<span class="lane-hint">mesurés</span>' in html
    assert "60\u00a0% abandonnent" in html  # the funnel past the first stage
    assert "abandon non mesuré" in html  # and past the others, without a rate
    assert "Sentiment inconnu" in html
    assert "la plus grave :" in html  # the frictions badge of the summary row
    assert "worst" not in html
    assert "measured<" not in html

"""The friction row marks the stages where the persona hurts most."""

from tests.factories import FrictionNoteFactory
from tests.htmx import hx_target
from tests.maps.helpers import url


def hot_stages(client, journey) -> list[str]:
    response = client.get(url(journey, "detail"), **hx_target("map_summary"))
    return [s.stage.name for s in response.context["map"].stage_summaries if s.hot_spot]


def test_worst_severity_then_count_makes_the_hot_spot(client, viewer, journey):
    # build_map: 3 cards on 3 stages, one open high friction each.
    client.force_login(viewer)
    assert hot_stages(client, journey) == ["Notice", "Compare", "Buy"]
    compare, buy = journey.touchpoints.order_by("pk")[1:3]
    FrictionNoteFactory(touchpoint=buy, severity="high")
    assert hot_stages(client, journey) == ["Buy"]
    FrictionNoteFactory(touchpoint=compare, severity="critical")
    assert hot_stages(client, journey) == ["Compare"]
    html = client.get(url(journey, "detail"), **hx_target("map_summary"))
    assert html.content.decode().count("Hot spot") == 1


def test_no_hot_spot_without_unresolved_frictions(client, viewer, journey):
    for card in journey.touchpoints.all():
        card.frictions.update(status="resolved")
    client.force_login(viewer)
    assert hot_stages(client, journey) == []

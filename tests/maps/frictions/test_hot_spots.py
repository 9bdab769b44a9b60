"""The friction row marks the stages where the persona hurts most."""

from tests.factories import FrictionNoteFactory
from tests.htmx import hx_target
from tests.maps.helpers import url


def hot_stages(client, journey) -> list[str]:
    """The stages whose cell of the summary's Frictions row is marked, read from the HTML."""
    html = client.get(url(journey, "detail"), **hx_target("map_summary")).content.decode()
    row = html.split(">Frictions<", 1)[1].split("</tr>", 1)[0]
    cells = row.split("<td")[1 : 1 + journey.stages.count()]
    stages = journey.stages.order_by("position")
    return [stage.name for stage, cell in zip(stages, cells, strict=True) if "hot-spot" in cell]


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

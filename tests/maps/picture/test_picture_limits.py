"""The picture export at and past the limits (core/limits.py): a crowded map is refused with a
message, quickly, and no PNG ever passes limits.PICTURE_MAX_PIXELS."""

import time

import pytest

from core import limits
from journeys.models import Channel, Stage
from tests.factories import JourneyFactory, JourneyPersonaFactory
from tests.maps.picture.helpers import open_png, picture_url
from touchpoints.models import Touchpoint


def _journey(workspace, *, stages: int, channels: int, cards_per_cell: int = 0):
    """A journey built in bulk, as data from before the limits could be."""
    journey = JourneyFactory(workspace=workspace)
    persona = JourneyPersonaFactory(journey=journey).persona
    made_stages = Stage.objects.bulk_create(
        Stage(journey=journey, key=f"s{n}", name=f"Stage {n}", position=n) for n in range(stages)
    )
    made_channels = Channel.objects.bulk_create(
        Channel(journey=journey, key=f"c{n}", name=f"Lane {n}", position=n) for n in range(channels)
    )
    Touchpoint.objects.bulk_create(
        Touchpoint(
            journey=journey,
            persona=persona,
            stage=stage,
            channel=channel,
            key=f"t{stage.pk}-{channel.pk}-{n}",
            title=f"Card {n} of a busy cell",
            position=n,
        )
        for stage in made_stages
        for channel in made_channels
        for n in range(cards_per_cell)
    )
    return journey


def test_a_400_stage_journey_is_refused_quickly_with_a_message(client, viewer, workspace):
    journey = _journey(workspace, stages=400, channels=2)
    client.force_login(viewer)

    started = time.perf_counter()
    response = client.get(picture_url(journey, size="full"))
    elapsed = time.perf_counter() - started

    assert response.status_code == 400
    assert "more stages or channels than a picture can show" in response.content.decode()
    assert elapsed < 3


def test_a_full_picture_past_the_pixel_cap_is_refused_before_drawing(client, viewer, workspace):
    # Every stage and channel a journey may have, a card in each cell: 800 cards.
    journey = _journey(
        workspace, stages=limits.STAGES_PER_JOURNEY, channels=limits.CHANNELS_PER_JOURNEY,
        cards_per_cell=1,
    )  # fmt: skip
    client.force_login(viewer)

    started = time.perf_counter()
    response = client.get(picture_url(journey, size="full"))
    elapsed = time.perf_counter() - started

    assert response.status_code == 400
    assert "Export the slide size or the SVG" in response.content.decode()
    assert elapsed < 3


@pytest.mark.parametrize("size", ["slide", "full"])
def test_a_journey_with_every_stage_allowed_is_drawn_under_the_cap(client, viewer, workspace, size):
    # Its time is a benchmark (bench/export.py), not a test: the machine's load would decide.
    journey = _journey(workspace, stages=limits.STAGES_PER_JOURNEY, channels=6, cards_per_cell=1)
    client.force_login(viewer)

    response = client.get(picture_url(journey, size=size))

    assert response.status_code == 200
    image = open_png(response.content)
    assert image.width * image.height <= limits.PICTURE_MAX_PIXELS


def test_the_svg_export_is_a_download_under_a_locked_down_policy(client, viewer, workspace):
    journey = _journey(workspace, stages=3, channels=2, cards_per_cell=1)
    client.force_login(viewer)

    response = client.get(picture_url(journey, "svg"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src" not in policy
    assert "sandbox" in policy

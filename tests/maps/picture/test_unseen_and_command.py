"""Pictures of journeys written outside the team (the shared fixtures, a generated 400-card map),
and the export_journey command, which draws the same pictures for scripts."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from bench.data import journey_file
from maps.interchange.importing import import_journey
from maps.picture.raster import TEXT
from maps.picture.render import render_picture
from personas.photos import prepare_photo
from tests.factories import build_map
from tests.maps.helpers import SHARED_FIXTURES
from tests.maps.picture.helpers import assert_drawn, open_png
from tests.personas.images import image_bytes, upload


@pytest.mark.skipif(not SHARED_FIXTURES, reason="../shared/fixtures is not beside this clone")
@pytest.mark.parametrize("path", SHARED_FIXTURES, ids=lambda path: path.stem)
def test_every_shared_journey_draws_for_each_persona_and_compared(workspace, editor, path):
    journey = import_journey(workspace, path.read_bytes(), user=editor)
    keys = [link.key for link in journey.journey_personas.all()] + ["all"]

    slides = [render_picture(journey, size="slide", persona_key=key).content for key in keys]
    full = open_png(render_picture(journey, size="full").content)

    assert len(set(slides)) == len(keys)
    for slide in slides:
        image = open_png(slide)
        assert image.size == (1920, 1080)
        assert_drawn(image)
    assert full.width >= 1600
    assert full.height > 900
    assert_drawn(full)


@pytest.mark.parametrize("persona", ["p0", "all"])
def test_a_generated_400_card_journey_fits_a_slide_and_a_full_map(workspace, editor, persona):
    journey = import_journey(workspace, journey_file(400), user=editor)

    slide = open_png(render_picture(journey, size="slide", persona_key=persona).content)
    full = open_png(render_picture(journey, size="full", persona_key=persona).content)

    assert slide.size == (1920, 1080)
    assert_drawn(slide)
    assert full.width > 1920
    assert full.height > 2000
    assert_drawn(full)


def test_persona_photo_is_drawn_in_the_header(workspace, storage):
    journey = build_map(workspace)
    persona = journey.journey_personas.first().persona
    without = render_picture(journey, file_format="svg").content.decode()
    persona.photo.save("photo.jpg", prepare_photo(upload("me.jpg", image_bytes())))

    with_photo = render_picture(journey, file_format="svg").content.decode()

    assert "data:image/jpeg;base64," in with_photo
    assert "data:image/jpeg;base64," not in without
    assert persona.initials in without


def test_command_writes_a_full_png(workspace, editor, tmp_path):
    journey = import_journey(workspace, journey_file(40), user=editor)
    output = tmp_path / "map.png"
    stdout = StringIO()

    call_command(
        "export_journey",
        journey.pk,
        "--format",
        "png",
        "--size",
        "full",
        "--persona",
        "p1",
        "--output",
        str(output),
        stdout=stdout,
    )

    assert f"exported journey {journey.pk}" in stdout.getvalue()
    image = open_png(output.read_bytes())
    assert image.width > 1920
    assert output.read_bytes() == render_picture(journey, size="full", persona_key="p1").content


def test_command_refuses_an_unknown_persona_and_names_the_known_ones(workspace, editor, tmp_path):
    journey = import_journey(workspace, journey_file(40), user=editor)

    with pytest.raises(CommandError, match="no persona nobody; its personas: p0, p1"):
        call_command(
            "export_journey",
            journey.pk,
            "--format",
            "png",
            "--persona",
            "nobody",
            "--output",
            str(tmp_path / "map.png"),
        )


def test_command_refuses_an_unknown_size(workspace, editor):
    journey = import_journey(workspace, journey_file(4), user=editor)

    with pytest.raises(CommandError, match="invalid choice: 'poster'"):
        call_command("export_journey", journey.pk, "--format", "png", "--size", "poster")


def test_emoji_typed_in_a_title_are_drawn(workspace):
    journey = build_map(workspace, cards=1)
    card = journey.touchpoints.get()
    plain = render_picture(journey, size="full").content
    card.title = f"🎉 {card.title} 👍🏽"
    card.save()

    svg = render_picture(journey, size="full", file_format="svg").content.decode()
    image = open_png(render_picture(journey, size="full").content)

    assert f"🎉 {card.title[2:-3]} 👍<" in svg  # the skin tone, which cannot be drawn, left out
    assert image.tobytes() != open_png(plain).tobytes()


def test_the_png_draws_every_line_of_text_the_svg_has(workspace, editor):
    journey = import_journey(workspace, journey_file(40), user=editor)

    for persona in ("p0", "all"):
        svg = render_picture(journey, persona_key=persona, file_format="svg").content.decode()
        # `raster` draws the lines it reads back with TEXT; one it missed would be lost.
        assert svg.count("<text") == len(TEXT.findall(svg)) > 50


def test_command_asks_for_a_file_rather_than_printing_a_png(workspace, editor):
    journey = import_journey(workspace, journey_file(4), user=editor)

    with pytest.raises(CommandError, match="add --output FILE"):
        call_command("export_journey", journey.pk, "--format", "png")

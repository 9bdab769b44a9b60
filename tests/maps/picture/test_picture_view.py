"""Export PNG from the journey page: what the file is, for whom, and what it costs."""

import pytest
from django.urls import reverse
from django.utils import timezone

from bench.data import journey_file
from maps.interchange.importing import import_journey
from maps.picture.layout import compose
from maps.picture.scene import load_scene
from tests.factories import JourneyFactory, add_evidence, build_map
from tests.maps.picture.helpers import assert_drawn, open_png, picture_url


@pytest.fixture
def journey(workspace):
    return build_map(workspace, title="Customer onboarding")


def test_viewer_downloads_a_slide_of_exactly_1920_by_1080(client, viewer, journey):
    client.force_login(viewer)

    response = client.get(picture_url(journey, size="slide"))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = open_png(response.content)
    assert image.size == (1920, 1080)
    assert_drawn(image)


def test_slide_is_the_default_size(client, viewer, journey):
    client.force_login(viewer)

    image = open_png(client.get(picture_url(journey)).content)

    assert image.size == (1920, 1080)


def test_file_name_says_journey_persona_date_and_size(client, viewer, journey):
    link = journey.journey_personas.first()
    link.persona.name = "Claire Dépôt"
    link.persona.save()
    client.force_login(viewer)

    response = client.get(picture_url(journey, size="slide", persona=link.key))

    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "customer-onboarding-claire-depot-" in disposition
    assert disposition.endswith('-slide.png"')


def test_full_map_grows_with_stages_and_cards(client, viewer, workspace, journey):
    big = import_journey(workspace, journey_file(40), user=viewer)
    client.force_login(viewer)

    small_image = open_png(client.get(picture_url(journey, size="full")).content)
    big_image = open_png(client.get(picture_url(big, size="full")).content)

    assert big_image.width > small_image.width  # 8 stages against 3
    assert big_image.height > small_image.height  # up to 5 cards in a cell against 1
    assert_drawn(big_image)


def test_each_persona_has_its_own_picture(client, viewer, journey):
    first, second = journey.journey_personas.all()
    client.force_login(viewer)

    pictures = {
        key: client.get(picture_url(journey, persona=key)).content
        for key in (first.key, second.key, "all")
    }

    assert len(set(pictures.values())) == 3
    for content in pictures.values():
        assert open_png(content).size == (1920, 1080)


def test_svg_export_is_the_same_drawing(client, viewer, journey):
    client.force_login(viewer)

    response = client.get(picture_url(journey, "svg", size="full"))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.startswith("<svg ")
    assert "Customer onboarding" in svg
    assert response["Content-Disposition"].endswith('-full.svg"')


def test_unknown_size_is_refused_with_a_message(client, viewer, journey):
    client.force_login(viewer)

    response = client.get(picture_url(journey, size="poster"))

    assert response.status_code == 400
    assert "slide or full" in response.content.decode()


def test_unknown_persona_is_refused_with_a_message(client, viewer, journey):
    client.force_login(viewer)

    response = client.get(picture_url(journey, persona="nobody"))

    assert response.status_code == 400
    assert "nobody" in response.content.decode()


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_outsider_gets_404(client, outsider, journey, fmt):
    client.force_login(outsider)

    assert client.get(picture_url(journey, fmt)).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, journey):
    response = client.get(picture_url(journey))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_picture_speaks_the_journey_language(client, viewer, journey):
    journey.language = "fr"
    journey.save()
    persona = journey.journey_personas.first().persona
    persona.quote = "Je veux que ce soit simple"
    persona.save()
    client.force_login(viewer)

    svg = client.get(picture_url(journey, "svg")).content.decode()

    assert "CARTE DU PARCOURS CLIENT" in svg
    assert "Émotion" in svg
    # Each card's critical friction is resolved: the worst open one is high.
    assert "2 frictions ouvertes · Élevée" in svg
    assert "« Je veux que ce soit simple »" in svg


@pytest.mark.parametrize(("cards", "size"), [(40, "slide"), (400, "full")])
def test_picture_costs_the_same_queries_at_any_size(
    client, viewer, workspace, django_assert_num_queries, cards, size
):
    journey = import_journey(workspace, journey_file(cards), user=viewer)
    client.force_login(viewer)

    # 1. session, 2. user, 3. membership with workspace, 4. journey, 5. stages, 6. channels,
    # 7. the journey's personas, 8. the shown persona's metrics, 9. its quotes counted per
    # stage, 10. its cards with their friction counts.
    with django_assert_num_queries(10):
        response = client.get(picture_url(journey, size=size))

    assert response.status_code == 200


def test_a_journey_without_stages_or_personas_still_gets_a_picture(client, viewer, workspace):
    empty = JourneyFactory(workspace=workspace, title="Blank page")
    client.force_login(viewer)

    response = client.get(picture_url(empty, size="full", persona="all"))

    assert response.status_code == 200
    assert open_png(response.content).width >= 1600
    assert response["Content-Disposition"].endswith(f'"blank-page-{timezone.localdate()}-full.png"')


def test_long_names_are_cut_to_fit_never_overflow(client, viewer, workspace):
    long = ("Très long intitulé qui continue encore et encore sans jamais finir " * 2)[:118]
    journey = build_map(workspace, cards=3, title=long)
    journey.stages.update(name=long)
    journey.channels.update(name=long)
    journey.touchpoints.update(title=long)
    workspace.name = long
    workspace.save()
    client.force_login(viewer)

    svg = client.get(picture_url(journey, "svg")).content.decode()

    assert long.strip() not in svg  # wrapped over lines where there is room…
    assert svg.count("…") >= 4  # …and cut where there is not: title, footer, both lane names
    assert open_png(client.get(picture_url(journey)).content).size == (1920, 1080)


def test_the_slide_shows_the_metrics_row_of_a_map_with_evidence(client, viewer, workspace):
    journey = import_journey(workspace, journey_file(40), user=viewer)
    add_evidence(journey, 3)
    client.force_login(viewer)

    svg = compose(load_scene(journey), "slide")

    assert "Metrics" in svg
    assert "CSAT 4/5 · on target" in svg or "CSAT 3.5/5 · off target" in svg

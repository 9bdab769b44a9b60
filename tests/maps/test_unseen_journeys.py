"""Journeys written outside the team (the shared fixtures and generated ones) open as editable
maps: every card shows for its persona, and the query count does not depend on the size."""

import pytest

from bench.data import journey_file
from maps.interchange.importing import import_journey
from tests.maps.helpers import SHARED_FIXTURES, url


@pytest.mark.skipif(not SHARED_FIXTURES, reason="../shared/fixtures is not beside this clone")
@pytest.mark.parametrize("path", SHARED_FIXTURES, ids=lambda path: path.stem)
def test_every_shared_journey_opens_as_an_editable_map_for_each_persona(
    client, editor, workspace, path
):
    journey = import_journey(workspace, path.read_bytes(), user=editor)
    client.force_login(editor)

    for link in journey.journey_personas.all():
        response = client.get(url(journey, "detail") + f"?persona={link.key}")
        html = response.content.decode()
        assert response.status_code == 200
        for card in journey.touchpoints.filter(persona=link.persona):
            assert f'id="card-{card.pk}"' in html
        assert html.count("Add card in ") == journey.stages.count() * journey.channels.count()


@pytest.mark.parametrize("cards", [40, 400])
def test_generated_maps_cost_the_same_queries_at_any_size(
    client, editor, workspace, django_assert_num_queries, cards
):
    journey = import_journey(workspace, journey_file(cards), user=editor)
    client.force_login(editor)

    # 1. session, 2. user, 3. membership with workspace, 4. journey, 5. stages, 6. channels,
    # 7. the journey's personas, 8. the chosen persona's cards with their friction summary and
    # quote count, 9. the state of its evidence, 10. the latest figures of the stages and
    # cards, 11. the quotes counted per stage, 12-13. the figures and quotes listed under the
    # map, 14. the personas that could join the journey (editors' menu), 15. the switcher's
    # workspaces, 16. the journey's as-is/to-be pair.
    with django_assert_num_queries(16):
        response = client.get(url(journey, "detail"))

    assert len(response.context["map"].touchpoints()) == cards // 2

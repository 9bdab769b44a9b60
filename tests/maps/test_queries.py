"""The journeys page and the map cost the same number of queries whatever their size."""

import pytest
from django.urls import reverse

from journeys.lifecycle import move_to_trash
from journeys.models import Activity
from tests.factories import JourneyPersonaFactory, UserFactory, add_evidence, build_map


@pytest.mark.parametrize("journeys", [2, 20])
def test_journeys_page_queries_do_not_grow_with_journeys(
    client, django_assert_num_queries, editor, workspace, journeys
):
    for n in range(journeys):
        journey = build_map(workspace, cards=3, title=f"Journey {n}")
        JourneyPersonaFactory(journey=journey)
        # Each journey last changed by someone else, and one in the trash, out of the list.
        Activity.record(UserFactory(), Activity.Verb.UPDATED, journey, journey=journey)
    move_to_trash(build_map(workspace, cards=1, title="Gone"), editor)
    client.force_login(editor)

    # 1. the session, 2. the user, 3. the membership with its workspace,
    # 4. the journeys with their four counts and last editor's id (one sub-select each, not one
    # query per journey), 5. those editors, 6. their personas (prefetch through
    # journey_personas), 7. the switcher's workspaces, 8. the as-is/to-be pairs among them.
    with django_assert_num_queries(8):
        response = client.get(
            reverse("journeys:list", args=[workspace.slug]), {"q": "journey", "sort": "title"}
        )

    assert len(response.context["journeys"]) == journeys
    assert all(journey.last_editor for journey in response.context["journeys"])


@pytest.mark.parametrize("cards", [5, 60])
def test_map_queries_do_not_grow_with_cards(
    client, django_assert_num_queries, viewer, workspace, cards
):
    journey = build_map(workspace, cards=cards, personas=3)
    client.force_login(viewer)

    # 1. the session, 2. the user, 3. the membership with its workspace, 4. the journey,
    # 5. its stages, 6. its channels, 7. its personas (with each persona),
    # 8. the chosen persona's touchpoints with friction count, worst severity and quote count,
    # 9. the state of the journey's evidence, 10. the latest figure of each series of the
    # stages and cards, 11. the quotes counted per stage, 12. the figures and 13. the newest
    # quotes listed under the map, 14. the switcher's workspaces, 15. the journey's as-is/to-be
    # pair.
    with django_assert_num_queries(15):
        response = client.get(reverse("journeys:detail", args=[workspace.slug, journey.pk]))
    # The evidence's state unchanged, its rows (10 to 13) are kept from the first page.
    with django_assert_num_queries(11):
        client.get(reverse("journeys:detail", args=[workspace.slug, journey.pk]))

    assert (
        sum(len(cell.touchpoints) for lane in response.context["map"].lanes for cell in lane.cells)
        == cards
    )


@pytest.mark.parametrize(("cards", "evidence"), [(5, 2), (60, 30)])
def test_map_with_evidence_costs_the_same_queries_at_any_size(
    client, django_assert_num_queries, viewer, workspace, cards, evidence
):
    journey = build_map(workspace, cards=cards, personas=3)
    add_evidence(journey, evidence)
    client.force_login(viewer)

    # The same fifteen queries as without evidence (test_map_queries_do_not_grow_with_cards):
    # the latest figures come in one query, the quotes are counted in one, the figures and
    # quotes listed under the map in one each, and each card's quote count rides on the
    # cards' own query; and the same eleven once those four are kept.
    with django_assert_num_queries(15):
        response = client.get(reverse("journeys:detail", args=[workspace.slug, journey.pk]))
    with django_assert_num_queries(11):
        again = client.get(reverse("journeys:detail", args=[workspace.slug, journey.pk]))
    assert again.content.count(b'class="chip chip--metric"') == response.content.count(
        b'class="chip chip--metric"'
    )

    html = response.content.decode()
    assert html.count('class="chip chip--metric"') >= evidence
    assert 'id="metrics_row"' in html
    assert f"Quote {evidence - 1}" in html

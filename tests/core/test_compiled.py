"""A query compiled once (core/compiled.py) returns what the ORM returns, whatever the values
and the number of them, and refuses a value that never reaches the SQL."""

import pytest
from django.db.models import Q

from core.compiled import CompiledQuery
from maps.swimlanes import MAP_CARD_COLUMNS, _map_card_rows
from tests.factories import build_map
from touchpoints.models import Touchpoint

pytestmark = pytest.mark.django_db


def test_rows_are_the_orms_for_any_values_and_shape(workspace):
    journeys = [build_map(workspace, cards=6), build_map(workspace, cards=3)]
    compiled = CompiledQuery(_map_card_rows)
    for journey in journeys:
        for link in journey.journey_personas.all():
            cards = journey.touchpoints.filter(persona_id=link.persona_id)
            places = sorted({(c.stage_id, c.channel_id) for c in cards})
            for cells in ([], places[:1], places):
                flat = [id_ for place in cells for id_ in place]
                expected = list(_map_card_rows(journey.pk, link.persona_id, *flat))
                assert compiled.rows(journey.pk, link.persona_id, *flat) == expected


def test_a_value_left_out_of_the_sql_is_refused(workspace):
    def folded(journey_id):
        # The value is left out of the query: its rows would be the same whatever it is.
        return Touchpoint.objects.filter(Q(pk__gte=0)).values_list("pk")

    with pytest.raises(ValueError, match="never reach"):
        CompiledQuery(folded).rows(1)


def test_the_columns_are_the_map_cards(workspace):
    journey = build_map(workspace, cards=2)
    link = journey.journey_personas.first()
    [row, *_] = CompiledQuery(_map_card_rows).rows(journey.pk, link.persona_id)
    assert len(row) == len(MAP_CARD_COLUMNS)


def test_objects_are_the_orms_with_their_related_rows(workspace, django_assert_num_queries):
    from journeys.models import JourneyPersona

    journey = build_map(workspace, cards=2)
    compiled = CompiledQuery(
        lambda journey_id: JourneyPersona.objects.select_related("persona").filter(
            journey_id=journey_id
        )
    )
    expected = list(journey.journey_personas.select_related("persona"))
    with django_assert_num_queries(1):
        links = compiled.objects(journey.pk)
        names = [link.persona.name for link in links]
    assert [(link.pk, link.key, link.persona_id) for link in links] == [
        (link.pk, link.key, link.persona_id) for link in expected
    ]
    assert names == [link.persona.name for link in expected]
    assert all(not link._state.adding for link in links)


def test_text_values_reach_the_sql_and_a_miss_is_none(workspace, editor):
    from workspaces.models import Membership

    compiled = CompiledQuery(
        lambda slug, user_id: Membership.objects.filter(
            workspace__slug=slug, user_id=user_id
        ).order_by()[:1]
    )
    membership = compiled.first(workspace.slug, editor.pk)
    assert membership == Membership.objects.get(workspace=workspace, user=editor)
    assert membership.created_at == Membership.objects.get(pk=membership.pk).created_at
    assert compiled.first("another-" + workspace.slug, editor.pk) is None
    assert compiled.first(workspace.slug, -1) is None


def test_padded_values_reach_a_power_of_two_and_keep_the_rows(workspace):
    from core.compiled import padded

    assert [len(padded(list(range(n)))) for n in range(7)] == [0, 1, 2, 4, 4, 8, 8]
    assert padded([1, 2, 3]) == [1, 2, 3, 3]
    journey = build_map(workspace, cards=6)
    link = journey.journey_personas.first()
    cards = journey.touchpoints.filter(persona_id=link.persona_id)
    places = sorted({(c.stage_id, c.channel_id) for c in cards})[:3]
    compiled = CompiledQuery(_map_card_rows)
    flat = [id_ for place in places for id_ in place]
    padded_flat = [id_ for place in padded(places) for id_ in place]
    # A repeated cell changes nothing: the same rows, once each.
    assert compiled.rows(journey.pk, link.persona_id, *padded_flat) == list(
        _map_card_rows(journey.pk, link.persona_id, *flat)
    )

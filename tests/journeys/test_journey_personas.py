import pytest

from tests.factories import PersonaFactory, TouchpointFactory, build_map


def test_adding_a_persona_gives_it_a_key_and_the_last_tab(journey, workspace):
    persona = PersonaFactory(workspace=workspace, name="Élodie Martin")
    link = journey.add_persona(persona)
    keys = list(journey.journey_personas.values_list("key", flat=True))
    assert link.key == "elodie-martin"
    assert keys[-1] == "elodie-martin"
    assert link.position == max(journey.journey_personas.values_list("position", flat=True))


def test_adding_a_persona_twice_keeps_one_tab(journey, workspace):
    persona = PersonaFactory(workspace=workspace)
    first = journey.add_persona(persona)
    assert journey.add_persona(persona) == first
    assert journey.journey_personas.filter(persona=persona).count() == 1


def test_two_personas_with_the_same_name_get_distinct_keys(journey, workspace):
    first = journey.add_persona(PersonaFactory(workspace=workspace, name="Sam"))
    second = journey.add_persona(PersonaFactory(workspace=workspace, name="Sam"))
    assert (first.key, second.key) == ("sam", "sam-2")


def test_a_persona_of_another_workspace_cannot_join(journey):
    with pytest.raises(ValueError, match="own workspace"):
        journey.add_persona(PersonaFactory())


def test_removing_a_persona_takes_its_cards_and_leaves_the_others(workspace):
    journey = build_map(workspace, cards=4)
    first, second = (link.persona for link in journey.journey_personas.all())
    TouchpointFactory(
        journey=journey,
        persona=second,
        stage=journey.stages.first(),
        channel=journey.channels.first(),
    )
    assert journey.remove_persona(first) == 4
    assert list(journey.personas.all()) == [second]
    assert journey.touchpoints.filter(persona=second).count() == 1

"""The limits of core/limits.py, the same in the models' creation helpers, the forms and the
pages: past them a creation is refused with a message, and nothing is written."""

import pytest
from django.http import QueryDict

from core import limits
from journeys.models import Channel, Stage
from personas.forms import PersonaForm
from tests.factories import PersonaFactory, TouchpointFactory
from tests.htmx import HTMX
from tests.maps.helpers import persona_key, url
from touchpoints.forms import FrictionNoteForm, TouchpointForm
from touchpoints.models import FrictionNote, Touchpoint


def _fill_stages(journey):
    present = journey.stages.count()
    Stage.objects.bulk_create(
        Stage(journey=journey, key=f"extra{n}", name=f"Extra {n}", position=present + n)
        for n in range(limits.STAGES_PER_JOURNEY - present)
    )


def test_the_model_api_refuses_a_stage_past_the_limit(journey):
    _fill_stages(journey)

    with pytest.raises(limits.LimitReached) as refused:
        Stage.create_last(journey.pk, "One more", name="One more")

    assert refused.value.message == (
        f"A journey holds at most {limits.STAGES_PER_JOURNEY} stages; "
        "delete one before adding another."
    )
    assert journey.stages.count() == limits.STAGES_PER_JOURNEY


def test_the_map_refuses_a_stage_past_the_limit_with_a_message(signed_in, journey):
    _fill_stages(journey)

    response = signed_in.post(url(journey, "stage_add"), {"name": "One more"}, **HTMX)

    assert response.status_code == 409
    assert response["HX-Reswap"] == "none"
    assert "holds at most" in response.content.decode()
    assert journey.stages.count() == limits.STAGES_PER_JOURNEY


def test_without_javascript_the_refusal_is_a_page_with_the_message(signed_in, journey):
    _fill_stages(journey)

    response = signed_in.post(url(journey, "stage_add"), {"name": "One more"})

    assert response.status_code == 409
    assert "holds at most" in response.content.decode()


def test_the_model_api_refuses_a_channel_past_the_limit(journey):
    present = journey.channels.count()
    Channel.objects.bulk_create(
        Channel(journey=journey, key=f"x{n}", name=f"Lane {n}", position=present + n)
        for n in range(limits.CHANNELS_PER_JOURNEY - present)
    )

    with pytest.raises(limits.LimitReached):
        Channel.create_last(journey.pk, "One more", name="One more")


def test_a_full_cell_takes_no_more_cards_by_adding_or_moving(journey, card):
    cell = {"persona": card.persona, "stage": card.stage, "channel": card.channel}
    present = card.siblings().count()
    TouchpointFactory.create_batch(limits.CARDS_PER_CELL - present, journey=journey, **cell)
    other = Touchpoint.objects.exclude(stage=card.stage).filter(persona=card.persona).first()
    other_stage = other.stage_id

    with pytest.raises(limits.LimitReached):
        Touchpoint.create_last(journey.pk, "More", title="More", persona_id=card.persona_id,
                               stage=card.stage, channel=card.channel)  # fmt: skip
    with pytest.raises(limits.LimitReached):
        other.move_to(0, other.version, stage_id=card.stage_id, channel_id=card.channel_id)

    assert card.siblings().count() == limits.CARDS_PER_CELL
    assert Touchpoint.objects.get(pk=other.pk).stage_id == other_stage


def test_the_map_refuses_a_card_in_a_full_cell(signed_in, journey, card):
    cell = {"persona": card.persona, "stage": card.stage, "channel": card.channel}
    TouchpointFactory.create_batch(
        limits.CARDS_PER_CELL - card.siblings().count(), journey=journey, **cell
    )

    response = signed_in.post(
        url(journey, "card_add"),
        {"title": "More", "stage": card.stage_id, "channel": card.channel_id,
         "persona": persona_key(journey)},
        **HTMX,
    )  # fmt: skip

    assert response.status_code == 409
    assert "A cell holds at most" in response.content.decode()


def test_a_card_takes_no_more_friction_notes_than_the_limit(signed_in, journey, card):
    present = card.frictions.count()
    FrictionNote.objects.bulk_create(
        FrictionNote(touchpoint=card, title=f"Note {n}")
        for n in range(limits.NOTES_PER_CARD - present)
    )

    response = signed_in.post(
        url(journey, "friction_add", card.pk),
        {"title": "One more", "severity": "low", "status": "open"},
        **HTMX,
    )

    assert response.status_code == 409
    assert card.frictions.count() == limits.NOTES_PER_CARD


def test_a_journey_is_drawn_for_a_limited_number_of_personas(journey, workspace):
    for _ in range(limits.PERSONAS_PER_JOURNEY - journey.journey_personas.count()):
        journey.add_persona(PersonaFactory(workspace=workspace))

    with pytest.raises(limits.LimitReached):
        journey.add_persona(PersonaFactory(workspace=workspace))


def test_forms_refuse_texts_past_the_limits(card, note):
    long_text = "x" * (limits.DESCRIPTION_MAX_LENGTH + 1)
    card_form = TouchpointForm(
        {"title": "T", "description": long_text, "emotion": 0, "owner": "", "version": 1},
        instance=card,
    )
    note_form = FrictionNoteForm(
        {"title": "T", "description": long_text, "severity": "low", "status": "open",
         "version": 1},
        instance=note,
    )  # fmt: skip
    persona_data = QueryDict(mutable=True)
    persona_data.update(
        {"name": "P", "bio": "b" * (limits.BIO_MAX_LENGTH + 1), "colour": "#1d4ed8", "version": 1}
    )
    persona_form = PersonaForm(persona_data, instance=card.persona, channel_names=[])

    assert "description" in card_form.errors
    assert "description" in note_form.errors
    assert "bio" in persona_form.errors

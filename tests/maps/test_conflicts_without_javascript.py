"""The conflict protocol without JavaScript (core/conflicts.py): a stale save of a card, a friction
note or a stage comes back as the whole map, status 409, with the user's text in the form beside
what the other person saved; a row deleted meanwhile gives the text back in a message."""

from django.urls import reverse

from journeys.models import Stage
from personas.models import Persona
from tests.htmx import assert_full_page
from tests.maps.helpers import url
from touchpoints.models import FrictionNote, Touchpoint


def test_a_stale_card_save_keeps_my_text_on_the_whole_map(signed_in, journey, card):
    Touchpoint.objects.get(pk=card.pk).save_changes(1, title="Their title")

    response = signed_in.post(
        url(journey, "card", card.pk),
        {"title": "My title", "description": "My notes", "emotion": 1, "owner": "", "version": 1},
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert_full_page(html)
    assert "Someone else saved a change while you were editing." in html
    assert "<dd>Their title</dd>" in html
    assert 'value="My title"' in html
    assert "My notes</textarea>" in html
    assert 'name="version" value="2"' in html
    assert Touchpoint.objects.get(pk=card.pk).title == "Their title"


def test_a_stale_friction_save_keeps_my_text_on_the_whole_map(signed_in, journey, note):
    FrictionNote.objects.get(pk=note.pk).save_changes(1, title="Their wording")

    response = signed_in.post(
        url(journey, "friction_edit", note.pk),
        {"title": "My wording", "severity": "low", "status": "open", "version": 1},
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert_full_page(html)
    assert "<dd>Their wording</dd>" in html
    assert 'value="My wording"' in html
    assert FrictionNote.objects.get(pk=note.pk).title == "Their wording"


def test_a_stale_stage_save_keeps_my_text_on_the_whole_map(signed_in, journey):
    stage = journey.stages.first()
    Stage.objects.get(pk=stage.pk).save_changes(1, name="Their name")

    response = signed_in.post(
        url(journey, "stage", stage.pk), {"name": "My name", "description": "", "version": 1}
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert_full_page(html)
    assert "<dd>Their name</dd>" in html
    assert 'value="My name"' in html


def test_a_stage_deleted_while_i_typed_gives_my_text_back(signed_in, journey):
    stage = journey.stages.first()
    Stage.objects.get(pk=stage.pk).remove_from_siblings()

    response = signed_in.post(
        url(journey, "stage", stage.pk),
        {"name": "My careful name", "description": "Why it matters", "version": 1},
        follow=True,
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Someone else deleted this while you were editing it." in html
    assert "My careful name — Why it matters" in html


def test_a_persona_deleted_while_i_typed_gives_my_text_back(signed_in, journey):
    persona = journey.personas.first()
    edit_url = reverse("personas:edit", args=[journey.workspace.slug, persona.pk])
    Persona.objects.filter(pk=persona.pk).delete()

    response = signed_in.post(
        edit_url, {"name": persona.name, "role": "My new role", "version": 1}, follow=True
    )

    html = response.content.decode()
    assert response.redirect_chain[-1][0].endswith("/personas/")
    assert "Your text:" in html
    assert "My new role" in html


def test_a_stale_friction_save_keeps_every_field_i_typed(signed_in, journey, note):
    FrictionNote.objects.get(pk=note.pk).save_changes(1, description="Their description")

    response = signed_in.post(
        url(journey, "friction_edit", note.pk),
        {"title": "Mine", "description": "My long description", "severity": "critical",
         "status": "in_progress", "version": 1},
    )  # fmt: skip

    html = response.content.decode()
    assert response.status_code == 409
    assert "My long description</textarea>" in html
    assert FrictionNote.objects.get(pk=note.pk).description == "Their description"


def test_a_stale_card_save_of_another_persona_keeps_my_text(signed_in, journey, workspace):
    second = journey.journey_personas.order_by("position")[1]
    card = Touchpoint.objects.filter(journey=journey).first()
    Touchpoint.objects.filter(pk=card.pk).update(persona=second.persona)
    Touchpoint.objects.get(pk=card.pk).save_changes(1, title="Their title")

    response = signed_in.post(
        url(journey, "card", card.pk) + f"?persona={second.key}",
        {"title": "My title", "description": "Mine", "emotion": 2, "owner": "", "version": 1},
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert 'value="My title"' in html

"""Every write of the map: editors and owners only, whatever the request looks like."""

import pytest

from journeys.models import Activity
from tests.factories import PersonaFactory
from tests.htmx import HTMX
from tests.maps.helpers import url


def writes(journey) -> dict[str, tuple[str, dict]]:
    stage, channel, card = (
        journey.stages.first(),
        journey.channels.first(),
        journey.touchpoints.first(),
    )
    cell = {"stage": stage.pk, "channel": channel.pk}
    persona = journey.journey_personas.first()
    return {
        "stage_add": (url(journey, "stage_add"), {"name": "Delivery"}),
        "stage_save": (url(journey, "stage", stage.pk), {"name": "Renamed", "version": 1}),
        "stage_move": (url(journey, "stage_move", stage.pk), {"position": 2, "version": 1}),
        "stage_delete": (url(journey, "stage_delete", stage.pk), {"confirm": "1"}),
        "channel_add": (url(journey, "channel_add"), {"name": "Chat"}),
        "channel_save": (
            url(journey, "channel", channel.pk),
            {"name": "Renamed", "icon": "web", "colour": "#123456", "version": 1},
        ),
        "channel_move": (url(journey, "channel_move", channel.pk), {"position": 1, "version": 1}),
        "channel_delete": (url(journey, "channel_delete", channel.pk), {"confirm": "1"}),
        "card_add": (url(journey, "card_add"), {"title": "New", "persona": persona.key, **cell}),
        "card_save": (
            url(journey, "card", card.pk),
            {"title": "Forged", "emotion": 0, "version": 1},
        ),
        "card_move": (url(journey, "card_move", card.pk), {**cell, "position": 0, "version": 1}),
        "card_delete": (url(journey, "card_delete", card.pk), {}),
        "persona_add": (url(journey, "persona_add"), {"persona": persona.persona_id}),
        "persona_remove": (
            url(journey, "persona_remove"),
            {"persona": persona.persona_id, "confirm": "1"},
        ),
    }


WRITES = [
    *("stage_add", "stage_save", "stage_move", "stage_delete"),
    *("channel_add", "channel_save", "channel_move", "channel_delete"),
    *("card_add", "card_save", "card_move", "card_delete"),
    *("persona_add", "persona_remove"),
]


def snapshot(journey) -> tuple:
    return (
        list(journey.stages.values_list("name", "position", "version")),
        list(journey.channels.values_list("name", "position", "version")),
        list(journey.touchpoints.values_list("title", "stage", "position", "version")),
        list(journey.journey_personas.values_list("persona", flat=True)),
    )


@pytest.mark.parametrize("role", ["commenter", "viewer"])
@pytest.mark.parametrize("write", WRITES)
def test_readers_cannot_change_the_map_even_by_forged_requests(
    client, request, journey, role, write
):
    client.force_login(request.getfixturevalue(role))
    before = snapshot(journey)
    target, data = writes(journey)[write]

    response = client.post(target, data, **HTMX)

    assert response.status_code == 403
    assert snapshot(journey) == before
    assert not Activity.objects.exists()


@pytest.mark.parametrize("write", WRITES)
def test_outsiders_get_not_found_and_change_nothing(client, outsider, journey, write):
    client.force_login(outsider)
    before = snapshot(journey)
    target, data = writes(journey)[write]

    assert client.post(target, data, **HTMX).status_code == 404
    assert snapshot(journey) == before


@pytest.mark.parametrize("write", WRITES)
def test_anonymous_visitors_are_sent_to_log_in(client, journey, write):
    target, data = writes(journey)[write]

    response = client.post(target, data)

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("role", ["editor", "owner"])
@pytest.mark.parametrize("write", WRITES)
def test_editors_and_owners_change_the_map_and_it_is_recorded(
    client, request, journey, role, write
):
    user = request.getfixturevalue(role)
    client.force_login(user)
    before = snapshot(journey)
    target, data = writes(journey)[write]
    if write == "persona_add":
        data = {"persona": PersonaFactory(workspace=journey.workspace).pk}

    response = client.post(target, data, **HTMX)

    assert response.status_code == 200, response.content.decode()[:500]
    assert snapshot(journey) != before
    assert Activity.objects.filter(actor=user, journey=journey).exists()


@pytest.mark.parametrize("role", ["commenter", "viewer"])
def test_readers_see_the_map_without_any_edit_control(client, request, journey, role):
    client.force_login(request.getfixturevalue(role))

    html = client.get(url(journey, "detail")).content.decode()

    for control in ("Add card", "Add stage", "Add channel", "Actions for", "Personas…", "grip"):
        assert control not in html
    assert journey.touchpoints.first().title in html


def test_editors_see_the_edit_controls(client, editor, journey):
    client.force_login(editor)

    html = client.get(url(journey, "detail")).content.decode()

    for control in ("Add card", "Add stage", "Add channel", "Actions for", "Personas…"):
        assert control in html

"""Cards on the map: add in a cell, edit, move, delete and undo; bad input and conflicts."""

import json
from html import unescape

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import JourneyFactory, StageFactory, TouchpointFactory, WorkspaceFactory
from tests.htmx import HTMX, hx_target
from tests.maps.helpers import persona_key, url
from touchpoints.models import Touchpoint


def new_card(journey, **data) -> dict:
    stage, channel = journey.stages.first(), journey.channels.first()
    return {"persona": persona_key(journey), "stage": stage.pk, "channel": channel.pk, **data}


def test_adding_a_card_in_a_cell_draws_the_cell_with_it_last(signed_in, journey):
    data = new_card(journey, title="Voit une publicité")

    response = signed_in.post(url(journey, "card_add"), data, **HTMX)

    html = response.content.decode()
    card = Touchpoint.objects.get(title="Voit une publicité")
    assert response.status_code == 200
    assert f'id="cell-{data["stage"]}-{data["channel"]}"' in html
    assert (card.stage_id, card.channel_id) == (data["stage"], data["channel"])
    assert card.position == card.siblings().count() - 1
    assert card.key == "voit-une-publicite"
    assert "mapChanged" in json.loads(response["HX-Trigger"])


@pytest.mark.parametrize(
    ("title", "message"),
    [("", "This field is required."), ("x" * 10_000, "at most 200 characters")],
)
def test_a_bad_card_title_is_refused_beside_the_field(signed_in, journey, title, message):
    before = Touchpoint.objects.count()

    response = signed_in.post(url(journey, "card_add"), new_card(journey, title=title), **HTMX)

    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'aria-invalid="true"' in html
    assert Touchpoint.objects.count() == before


def test_a_cell_of_another_journey_is_refused_and_nothing_is_added(signed_in, journey, workspace):
    other = StageFactory(journey=JourneyFactory(workspace=workspace))
    before = Touchpoint.objects.count()

    response = signed_in.post(
        url(journey, "card_add"), new_card(journey, title="Sneaky", stage=other.pk), **HTMX
    )

    assert response.status_code == 400
    assert response["HX-Reswap"] == "none"
    assert "That stage is not part of this journey." in response.content.decode()
    assert Touchpoint.objects.count() == before


def test_a_stage_of_another_workspace_is_refused(signed_in, journey):
    foreign = StageFactory(journey=JourneyFactory(workspace=WorkspaceFactory()))

    response = signed_in.post(
        url(journey, "card_add"), new_card(journey, title="Sneaky", stage=foreign.pk), **HTMX
    )

    assert response.status_code == 400
    assert not Touchpoint.objects.filter(title="Sneaky").exists()


def test_a_persona_not_in_the_journey_is_refused(signed_in, journey):
    response = signed_in.post(
        url(journey, "card_add"), new_card(journey, title="Lost", persona="nobody"), **HTMX
    )

    assert response.status_code == 400
    assert "Choose a persona of this journey first." in response.content.decode()
    assert not Touchpoint.objects.filter(title="Lost").exists()


def edit(card, **data) -> dict:
    return {"title": card.title, "description": "", "emotion": 0, "owner": "", **data}


def test_editing_a_card_saves_it_and_redraws_its_cell(signed_in, journey):
    card = journey.touchpoints.first()

    response = signed_in.post(
        url(journey, "card", card.pk),
        edit(card, title="Compare les prix", emotion=-2, owner="E-commerce", version=1),
        **HTMX,
    )

    html = response.content.decode()
    card.refresh_from_db()
    assert response.status_code == 200
    assert (card.title, card.emotion, card.owner, card.version) == (
        "Compare les prix",
        -2,
        "E-commerce",
        2,
    )
    assert "Saved." in html
    assert f'id="card-{card.pk}"' in html


def test_a_card_saved_does_not_ask_the_database_to_check_its_emotion(signed_in, journey):
    """Its choices bound it (the test below); the database's constraint stays as a guard."""
    card = journey.touchpoints.first()

    with CaptureQueriesContext(connection) as queries:
        response = signed_in.post(
            url(journey, "card", card.pk), edit(card, emotion=2, version=1), **HTMX
        )

    assert response.status_code == 200
    assert not [q["sql"] for q in queries.captured_queries if '"_check"' in q["sql"]]
    assert Touchpoint.objects.get(pk=card.pk).emotion == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"emotion": 9}, "Select a valid choice"),
        ({"title": ""}, "This field is required."),
        ({"title": "x" * 10_000}, "at most 200 characters"),
        ({"owner": "y" * 500}, "at most 120 characters"),
    ],
)
def test_bad_card_edits_are_refused_beside_the_field(signed_in, journey, data, message):
    card = journey.touchpoints.first()

    response = signed_in.post(url(journey, "card", card.pk), edit(card, version=1, **data), **HTMX)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Touchpoint.objects.get(pk=card.pk).version == 1


def test_two_people_editing_one_card_the_second_sees_the_conflict_and_the_first_text_stays(
    journey, editor, owner
):
    card = journey.touchpoints.first()
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(owner)
    # Both open the card at version 1.
    for client in (first, second):
        assert (
            'name="version" value="1"'
            in client.get(url(journey, "card", card.pk), **HTMX).content.decode()
        )

    saved = first.post(
        url(journey, "card", card.pk), edit(card, title="First's text", version=1), **HTMX
    )
    late = second.post(
        url(journey, "card", card.pk), edit(card, title="Second's text", version=1), **HTMX
    )

    html = late.content.decode()
    assert saved.status_code == 200
    assert late.status_code == 409
    assert "Someone else saved a change" in html
    assert "First&#x27;s text" in html  # theirs, shown
    # Mine, kept in the form (its apostrophe escaped as the form renderer does).
    assert 'value="Second\'s text"' in unescape(html)
    assert 'name="version" value="2"' in html  # so "Save mine" re-applies it knowingly
    assert Touchpoint.objects.get(pk=card.pk).title == "First's text"


def test_editing_a_card_deleted_meanwhile_gives_the_text_back(signed_in, journey):
    card = journey.touchpoints.first()
    Touchpoint.objects.get(pk=card.pk).remove_from_siblings()

    response = signed_in.post(
        url(journey, "card", card.pk),
        edit(card, title="My careful wording", description="Two lines\nof notes", version=1),
        **HTMX,
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert "Someone deleted this card" in html
    assert "My careful wording" in html
    assert "Two lines\nof notes" in html


def test_moving_a_card_to_another_cell_redraws_both_cells(signed_in, journey):
    card = journey.touchpoints.first()
    target_stage = journey.stages.exclude(pk=card.stage_id).first()

    response = signed_in.post(
        url(journey, "card_move", card.pk),
        {"stage": target_stage.pk, "channel": card.channel_id, "position": 0, "version": 1},
        **HTMX,
    )

    html = response.content.decode()
    card.refresh_from_db()
    assert response.status_code == 200
    assert (card.stage_id, card.position, card.version) == (target_stage.pk, 0, 2)
    assert f'id="cell-{target_stage.pk}-{card.channel_id}" hx-swap-oob="true"' in html
    assert html.count('hx-swap-oob="true"') >= 2


def test_a_stale_move_loses_with_a_message_and_positions_stay_dense(signed_in, journey):
    card = journey.touchpoints.first()
    card.save_changes(1, title="Edited meanwhile")
    stage = journey.stages.last()

    response = signed_in.post(
        url(journey, "card_move", card.pk),
        {"stage": stage.pk, "channel": card.channel_id, "position": 0, "version": 1},
        **HTMX,
    )

    assert response.status_code == 409
    assert "just before you" in response.content.decode()
    card.refresh_from_db()
    assert card.stage_id != stage.pk or card.version == 2


def test_moving_a_card_into_a_cell_of_another_journey_is_refused(signed_in, journey, workspace):
    card = journey.touchpoints.first()
    other = StageFactory(journey=JourneyFactory(workspace=workspace))

    response = signed_in.post(
        url(journey, "card_move", card.pk),
        {"stage": other.pk, "channel": card.channel_id, "position": 0, "version": 1},
        **HTMX,
    )

    assert response.status_code == 400
    assert Touchpoint.objects.get(pk=card.pk).stage_id == card.stage_id


def test_deleting_a_card_offers_undo_which_brings_it_back(signed_in, journey):
    card = journey.touchpoints.first()
    frictions = card.frictions.count()

    deleted = signed_in.post(url(journey, "card_delete", card.pk), **HTMX)

    html = deleted.content.decode()
    assert not Touchpoint.objects.filter(pk=card.pk).exists()
    assert "Undo" in html
    token = html.split('name="token" value="')[1].split('"')[0]

    restored = signed_in.post(url(journey, "card_restore"), {"token": token}, **HTMX)

    assert restored.status_code == 200
    back = Touchpoint.objects.get(title=card.title)
    assert (back.stage_id, back.channel_id, back.position) == (
        card.stage_id,
        card.channel_id,
        card.position,
    )
    assert back.frictions.count() == frictions


def test_undo_with_a_forged_token_restores_nothing(signed_in, journey):
    before = Touchpoint.objects.count()

    response = signed_in.post(url(journey, "card_restore"), {"token": "forged"}, **HTMX)

    assert response.status_code == 400
    assert "can no longer be restored" in response.content.decode()
    assert Touchpoint.objects.count() == before


def test_a_link_to_a_card_opens_its_panel_on_its_personas_map(client, viewer, journey):
    second = journey.journey_personas.all()[1]
    card = TouchpointFactory(
        journey=journey,
        persona=second.persona,
        stage=journey.stages.first(),
        channel=journey.channels.first(),
        title="Asks a friend",
    )
    client.force_login(viewer)

    response = client.get(url(journey, "detail") + f"?card={card.pk}")

    html = response.content.decode()
    assert response.context["chosen"] == second
    assert f'data-card="{card.pk}"' in html
    assert 'name="title"' not in html  # a viewer reads the card, without a form


@pytest.mark.parametrize("cell_size", [3, 40])
def test_a_card_move_costs_the_same_queries_whatever_the_cell_size(
    signed_in, journey, django_assert_num_queries, cell_size
):
    card = journey.touchpoints.first()
    for n in range(cell_size):
        TouchpointFactory(
            journey=journey,
            persona=card.persona,
            stage=card.stage,
            channel=card.channel,
            position=n + 10,
        )
    target = journey.stages.last()

    # 1. session, 2. user, 3. membership, 4. journey, 5. the card, 6-8. the map's stages,
    # channels and personas (to check the cell and draw it), 9. savepoint, 10. hold the
    # journey (against structure changes), 11. lock the old and new cells, 12. the card's
    # move, only if still at the version the user saw, 13. the old cell's positions, 14. the
    # new cell's (their number checked against its limit), 15. both renumbered at once,
    # 16. release, 17. the activity, 18. both cells' cards, to draw them, 19. their metrics,
    # for their chips. (After the commit, which a test's transaction never reaches, the
    # journey is marked as changed.)
    with django_assert_num_queries(19):
        response = signed_in.post(
            url(journey, "card_move", card.pk),
            {"stage": target.pk, "channel": card.channel_id, "position": 0, "version": 1},
            **HTMX,
        )

    assert response.status_code == 200


def test_a_cell_asks_for_its_add_form_and_gets_it_alone(signed_in, journey):
    stage, channel = journey.stages.first(), journey.channels.first()
    cell_id = f"cell-{stage.pk}-{channel.pk}"

    response = signed_in.get(url(journey, "detail"), {"add": cell_id}, **hx_target(cell_id))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<td class="cell" id="{cell_id}"')
    assert 'name="title"' in html


@pytest.mark.parametrize("cell_id", ["cell-1", "cell-x-y", "cell-999999-999999"])
def test_a_cell_that_is_not_in_the_map_is_not_found(signed_in, journey, cell_id):
    response = signed_in.get(url(journey, "detail"), {"add": cell_id}, **hx_target(cell_id))

    assert response.status_code == 404


def test_without_javascript_one_cell_shows_its_add_form_asked_for_or_refused(signed_in, journey):
    stage, channel = journey.stages.last(), journey.channels.last()
    cell_id = f"cell-{stage.pk}-{channel.pk}"

    asked = signed_in.get(url(journey, "detail"), {"add": cell_id}).content.decode()
    refused = signed_in.post(
        url(journey, "card_add"),
        {"title": "", "stage": stage.pk, "channel": channel.pk, "persona": persona_key(journey)},
    )

    for html in (asked, refused.content.decode()):
        assert html.count('class="add-card-form"') == 1
        form_cell = html.split(f'id="{cell_id}"')[1].split('class="cell"')[0]
        assert 'class="add-card-form"' in form_cell
    assert refused.status_code == 400
    assert "This field is required." in refused.content.decode()

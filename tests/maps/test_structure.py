"""Stages and channels edited in place: add, rename, reorder, delete, and what goes wrong."""

import json

import pytest

from journeys.models import Channel, Stage
from tests.factories import JourneyFactory, StageFactory
from tests.htmx import HTMX, assert_fragment, assert_full_page
from tests.maps.helpers import url


def names(journey, related="stages") -> list[str]:
    return list(getattr(journey, related).values_list("name", flat=True))


def test_adding_a_stage_redraws_the_grid_with_it_last(signed_in, journey):
    response = signed_in.post(url(journey, "stage_add"), {"name": "Délivrance"}, **HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert names(journey)[-1] == "Délivrance"
    assert 'id="map_grid"' in html
    assert "Délivrance" in html
    assert_fragment(html)
    assert "mapChanged" in json.loads(response["HX-Trigger"])


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "This field is required."), ("x" * 10_000, "at most 120 characters")],
)
def test_a_bad_stage_name_is_refused_beside_the_field(signed_in, journey, name, message):
    before = names(journey)

    response = signed_in.post(url(journey, "stage_add"), {"name": name}, **HTMX)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert response["HX-Retarget"] == "#add_stage"
    assert names(journey) == before


def test_renaming_a_stage_swaps_its_header(signed_in, journey):
    stage = journey.stages.first()

    response = signed_in.post(
        url(journey, "stage", stage.pk),
        {"name": "Découverte", "description": "Voit une pub", "version": 1},
        **HTMX,
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="stage_header-{stage.pk}"' in html
    assert "Découverte" in html
    stage.refresh_from_db()
    assert (stage.name, stage.description, stage.version) == ("Découverte", "Voit une pub", 2)


def test_renaming_a_stage_someone_renamed_meanwhile_shows_both_and_keeps_theirs(signed_in, journey):
    stage = journey.stages.first()
    stage.save_changes(1, name="Theirs")

    response = signed_in.post(
        url(journey, "stage", stage.pk), {"name": "Mine", "version": 1}, **HTMX
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved a change" in html
    assert "Theirs" in html
    assert 'value="Mine"' in html
    assert 'name="version" value="2"' in html
    stage.refresh_from_db()
    assert stage.name == "Theirs"


def test_saving_mine_after_a_conflict_applies_it(signed_in, journey):
    stage = journey.stages.first()
    stage.save_changes(1, name="Theirs")

    response = signed_in.post(
        url(journey, "stage", stage.pk), {"name": "Mine", "version": 2}, **HTMX
    )

    assert response.status_code == 200
    stage.refresh_from_db()
    assert (stage.name, stage.version) == ("Mine", 3)


def test_reordering_stages_by_position(signed_in, journey):
    first, second, third = journey.stages.all()

    signed_in.post(url(journey, "stage_move", first.pk), {"position": 2, "version": 1}, **HTMX)

    assert list(journey.stages.values_list("pk", flat=True)) == [second.pk, third.pk, first.pk]
    assert list(journey.stages.values_list("position", flat=True)) == [0, 1, 2]


def test_a_stale_reorder_changes_nothing_and_says_so(signed_in, journey):
    first = journey.stages.first()
    first.save_changes(1, name="Renamed meanwhile")
    before = list(journey.stages.values_list("pk", flat=True))

    response = signed_in.post(
        url(journey, "stage_move", first.pk), {"position": 2, "version": 1}, **HTMX
    )

    assert response.status_code == 200
    assert "just before you" in response.content.decode()
    assert list(journey.stages.values_list("pk", flat=True)) == before


def test_deleting_a_stage_with_cards_asks_first_with_the_count(signed_in, journey):
    stage = journey.stages.first()
    cards = stage.touchpoints.count()
    assert cards

    response = signed_in.post(url(journey, "stage_delete", stage.pk), **HTMX)

    assert response.status_code == 200
    assert f"Delete with {cards} cards" in response.content.decode()
    assert Stage.objects.filter(pk=stage.pk).exists()


def test_confirmed_stage_deletion_takes_its_cards_and_closes_the_gap(signed_in, journey):
    stage = journey.stages.first()

    response = signed_in.post(url(journey, "stage_delete", stage.pk), {"confirm": "1"}, **HTMX)

    assert response.status_code == 200
    assert not Stage.objects.filter(pk=stage.pk).exists()
    assert not journey.touchpoints.filter(stage_id=stage.pk).exists()
    assert list(journey.stages.values_list("position", flat=True)) == [0, 1]


def test_an_empty_stage_is_deleted_without_asking(signed_in, journey):
    stage = StageFactory(journey=journey, position=3)

    signed_in.post(url(journey, "stage_delete", stage.pk), **HTMX)

    assert not Stage.objects.filter(pk=stage.pk).exists()


def test_a_stage_of_another_journey_is_not_found_through_this_one(signed_in, journey, workspace):
    elsewhere = StageFactory(journey=JourneyFactory(workspace=workspace))

    response = signed_in.post(
        url(journey, "stage", elsewhere.pk), {"name": "Hijack", "version": 1}, **HTMX
    )

    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.name != "Hijack"


def test_a_new_channel_gets_an_icon_from_its_name_and_a_palette_colour(signed_in, journey):
    signed_in.post(url(journey, "channel_add"), {"name": "Newsletter"}, **HTMX)

    assert names(journey, "channels")[-1] == "Newsletter"
    channel = journey.channels.get(name="Newsletter")
    assert channel.icon == "email"
    assert channel.colour.startswith("#")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "Chat", "icon": "rocket", "colour": "#123456"}, "Select a valid choice"),
        ({"name": "Chat", "icon": "chat", "colour": "red; x"}, "Choose a colour like"),
        ({"name": "", "icon": "chat", "colour": "#123456"}, "This field is required."),
    ],
)
def test_bad_channel_edits_are_refused_inline(signed_in, journey, data, message):
    channel = journey.channels.first()

    response = signed_in.post(url(journey, "channel", channel.pk), {**data, "version": 1}, **HTMX)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Channel.objects.get(pk=channel.pk).version == 1


def test_editing_a_channel_changes_name_icon_and_colour(signed_in, journey):
    channel = journey.channels.first()

    signed_in.post(
        url(journey, "channel", channel.pk),
        {"name": "Chat en ligne", "icon": "chat", "colour": "#0E7490", "version": 1},
        **HTMX,
    )

    channel.refresh_from_db()
    assert (channel.name, channel.icon, channel.colour) == ("Chat en ligne", "chat", "#0e7490")


def test_deleting_a_channel_with_cards_asks_first(signed_in, journey):
    channel = journey.channels.first()

    response = signed_in.post(url(journey, "channel_delete", channel.pk), **HTMX)

    assert "cards it holds" in response.content.decode()
    assert Channel.objects.filter(pk=channel.pk).exists()


def test_without_javascript_a_stage_edit_redirects_back_to_the_map(client, editor, journey):
    client.force_login(editor)
    stage = journey.stages.first()

    response = client.post(url(journey, "stage", stage.pk), {"name": "Plain", "version": 1})

    assert response.status_code == 302
    assert response.url.startswith(journey.get_absolute_url())


def test_without_javascript_the_rename_link_opens_the_editor_in_the_map(client, editor, journey):
    client.force_login(editor)
    stage = journey.stages.first()

    html = client.get(url(journey, "stage_edit", stage.pk)).content.decode()

    assert_full_page(html)
    assert f'action="{url(journey, "stage", stage.pk)}"' in html
    assert f'value="{stage.name}"' in html


def test_without_javascript_deleting_a_channel_with_cards_asks_in_the_map(client, editor, journey):
    client.force_login(editor)
    channel = journey.channels.first()

    html = client.post(url(journey, "channel_delete", channel.pk)).content.decode()

    assert_full_page(html)
    assert "cards it holds" in html
    assert Channel.objects.filter(pk=channel.pk).exists()

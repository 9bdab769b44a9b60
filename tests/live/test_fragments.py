"""What a pushed change makes a page fetch: the fragments of the map, each drawn for the
viewer's role (a viewer never receives edit controls), and the presence list."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from live.models import Presence
from tests.htmx import assert_fragment, hx_target
from tests.maps.helpers import persona_key, url

EDIT_CONTROLS = ("data-editable", "add-card", "grip", "axis-menu", 'method="post"')


def cell_of(card) -> str:
    return f"cell-{card.stage_id}-{card.channel_id}"


def fetch(client, user, journey, target: str, **query) -> str:
    client.force_login(user)
    query = {"persona": persona_key(journey), **query}
    response = client.get(url(journey, "detail"), query, **hx_target(target))
    assert response.status_code == 200
    html = response.content.decode()
    assert_fragment(html)
    return html


@pytest.mark.parametrize("target", ["cell", "map_grid", "persona_bar", "map_summary"])
def test_a_viewers_pushed_fragment_has_no_edit_control(client, journey, card, viewer, target):
    cell = cell_of(card)
    html = fetch(client, viewer, journey, cell if target == "cell" else target, cell=cell)
    assert card.title in html or target not in ("cell", "map_grid")
    assert not [control for control in EDIT_CONTROLS if control in html]


def test_an_editors_pushed_cell_and_grid_have_their_controls(client, journey, card, editor):
    cell = fetch(client, editor, journey, cell_of(card), cell=cell_of(card))
    grid = fetch(client, editor, journey, "map_grid")
    assert "add-card" in cell
    assert "data-editable" in grid
    assert "grip" in grid


def test_a_viewers_card_panel_has_no_editor(client, journey, card, viewer):
    client.force_login(viewer)
    response = client.get(url(journey, "card", card.pk), **hx_target("card_panel"))
    html = response.content.decode()
    assert card.title in html
    assert "<form" not in html


def presence_url(journey) -> str:
    return reverse("live:presence", args=[journey.workspace.slug, journey.pk])


def be_here(user, journey, card=None, seconds_ago: int = 0) -> uuid.UUID:
    row = Presence.objects.create(
        user=user,
        workspace_id=journey.workspace_id,
        journey_id=journey.pk,
        card_id=card.pk if card else None,
        seen_at=timezone.now() - timezone.timedelta(seconds=seconds_ago),
    )
    return row.tab


def test_the_presence_list_shows_who_else_is_here_and_their_open_card(
    client, journey, card, viewer, editor, owner
):
    be_here(editor, journey, card)
    be_here(viewer, journey)
    be_here(owner, journey, seconds_ago=45)  # a tab closed without a word: faded
    client.force_login(viewer)
    html = client.get(presence_url(journey)).content.decode()
    assert editor.display_name in html
    assert f'data-cards="{card.pk}"' in html
    assert viewer.display_name not in html  # the viewer knows they are here
    assert owner.display_name not in html


def test_a_tab_tells_which_card_it_has_open(client, journey, card, viewer):
    tab = be_here(viewer, journey)
    client.force_login(viewer)
    response = client.post(presence_url(journey), {"tab": str(tab), "card": card.pk})
    assert response.status_code == 204
    assert Presence.objects.get(tab=tab).card_id == card.pk


def test_nobody_sets_the_card_of_someone_elses_tab(client, journey, card, viewer, editor):
    tab = be_here(editor, journey)
    client.force_login(viewer)
    client.post(presence_url(journey), {"tab": str(tab), "card": card.pk})
    assert Presence.objects.get(tab=tab).card_id is None


def test_an_outsider_sees_no_presence(client, journey, outsider):
    client.force_login(outsider)
    assert client.get(presence_url(journey)).status_code == 404
    assert client.post(presence_url(journey), {"tab": str(uuid.uuid4())}).status_code == 404

"""Parts of the map drawn once per audience (maps/fragments.py): the same HTML for viewers of the
same role and language, never a reader's page with an editor's controls, never an old state."""

import re

from django.utils import translation

from maps.fragments import drawn_once
from tests.maps.helpers import url


def map_of(card) -> str:
    key = card.journey.journey_personas.get(persona=card.persona).key
    return url(card.journey, "detail") + f"?persona={key}"


def drawer(log: list, html: str):
    def draw():
        log.append(html)
        return html

    return draw


def test_a_part_is_drawn_once_for_everyone_of_the_same_role_and_language():
    log = []

    first = drawn_once("cell", ("cell-1-2", 3), False, drawer(log, "<td>1</td>"))
    second = drawn_once("cell", ("cell-1-2", 3), False, drawer(log, "<td>2</td>"))

    assert first == second == "<td>1</td>"
    assert log == ["<td>1</td>"]


def test_each_role_language_and_version_has_its_own_drawing():
    log = []
    drawn_once("cell", ("cell-1-2", 3), False, drawer(log, "read"))

    assert drawn_once("cell", ("cell-1-2", 3), True, drawer(log, "edit")) == "edit"
    assert drawn_once("cell", ("cell-1-2", 4), False, drawer(log, "newer")) == "newer"
    with translation.override("fr"):
        assert drawn_once("cell", ("cell-1-2", 3), False, drawer(log, "fr")) == "fr"
    assert log == ["read", "edit", "newer", "fr"]


def test_a_viewer_after_an_editor_gets_no_edit_control(client, editor, viewer, journey):
    client.force_login(editor)
    assert "Add card in" in client.get(url(journey, "detail")).content.decode()

    client.force_login(viewer)
    html = client.get(url(journey, "detail")).content.decode()

    assert "Add card in" not in html
    assert journey.touchpoints.first().title in html


def test_a_changed_card_is_drawn_anew_for_the_next_viewer(client, editor, viewer, journey):
    card = journey.touchpoints.first()
    client.force_login(viewer)
    assert f'id="card-{card.pk}"' in client.get(map_of(card)).content.decode()
    client.force_login(editor)
    saved = {"title": "Checks delivery dates", "emotion": 1, "version": card.version}
    assert client.post(url(journey, "card", card.pk), saved).status_code == 302

    client.force_login(viewer)
    html = client.get(map_of(card)).content.decode()

    [drawn] = re.findall(rf'<li class="touchpoint" id="card-{card.pk}".*?</li>', html)
    assert "Checks delivery dates" in drawn
    assert f'data-version="{card.version + 1}"' in drawn

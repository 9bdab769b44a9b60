"""A shared page costs the same number of queries whatever the journey's size."""

import pytest

from core import throttle
from tests.factories import build_map
from tests.sharing.helpers import make_link


@pytest.fixture(autouse=True)
def no_throttle_sweep(monkeypatch):
    """The throttle forgets old windows on 1 % of hits, with one more query: not in these."""
    monkeypatch.setattr(throttle.random, "random", lambda: 1.0)


@pytest.mark.parametrize("cards", [5, 40])
def test_shared_map_queries(client, workspace, django_assert_num_queries, cards):
    journey = build_map(workspace, cards=cards)
    _link, path = make_link(journey)
    # The link by its token's hash, the visit counted and the previous window read (throttle),
    # its last use; stages, channels, personas, cards; the map's evidence: its state, the
    # latest figures, the quotes counted per stage, the figures and the newest quotes listed
    # under the map.
    with django_assert_num_queries(13):
        assert client.get(path).status_code == 200
    # The evidence's rows kept from the first visit.
    with django_assert_num_queries(9):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("cards", [5, 40])
def test_shared_text_version_queries(client, workspace, django_assert_num_queries, cards):
    journey = build_map(workspace, cards=cards)
    _link, path = make_link(journey, show_comments=True)
    # The link, the throttle's count and read, its last use; stages, channels, personas, cards,
    # notes, their comments.
    with django_assert_num_queries(10):
        assert client.get(path + "text/").status_code == 200


@pytest.mark.parametrize("cards", [5, 40])
def test_shared_presentation_queries(client, workspace, django_assert_num_queries, cards):
    journey = build_map(workspace, cards=cards)
    _link, path = make_link(journey)
    # The link, the throttle's count and read, its last use; stages, channels, personas, cards,
    # notes.
    with django_assert_num_queries(9):
        assert client.get(path + "present/", {"stage": "2"}).status_code == 200

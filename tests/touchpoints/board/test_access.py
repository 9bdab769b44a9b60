"""Every member reads the board of their own workspace; nobody else reads it."""

import pytest

from tests.factories import MembershipFactory
from tests.htmx import HTMX
from tests.touchpoints.board.helpers import board_url, titles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["owner", "editor", "commenter", "viewer"])
def test_every_member_reads_the_board(client, request, workspace, notes, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(board_url(workspace))

    assert response.status_code == 200
    assert len(titles(response)) == 5
    assert 'aria-current="page">Frictions</a>' in response.content.decode()


def test_outsider_gets_404(client, outsider, workspace, notes):
    client.force_login(outsider)

    assert client.get(board_url(workspace)).status_code == 404
    assert client.get(board_url(workspace), **HTMX).status_code == 404


def test_anonymous_visitor_is_sent_to_log_in(client, workspace, notes):
    response = client.get(board_url(workspace, "severity=high"))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("role", ["commenter", "viewer"])
def test_the_board_only_answers_reads(client, request, workspace, notes, role):
    """A forged write to the board's URL changes nothing: the board has no writes."""
    client.force_login(request.getfixturevalue(role))

    response = client.post(board_url(workspace), {"severity": "low", "status": "resolved"})

    assert response.status_code == 405


def test_a_member_of_two_workspaces_sees_each_board_apart(client, viewer, workspace, notes):
    other = MembershipFactory(user=viewer).workspace
    client.force_login(viewer)

    response = client.get(board_url(other))

    assert response.status_code == 200
    assert titles(response) == []

"""A link with a wrong or stale filter gets a clear message, never an error page or a leak."""

import pytest

from tests.factories import JourneyFactory, PersonaFactory, WorkspaceFactory
from tests.touchpoints.board.helpers import board_url, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_commenter(client, commenter):
    client.force_login(commenter)
    return client


def test_an_unknown_severity_is_named_and_the_other_filters_still_apply(
    as_commenter, workspace, notes
):
    response = as_commenter.get(board_url(workspace, "severity=urgent&status=open"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Some filters were not applied" in html
    assert "“urgent” is not a severity: choose low, medium, high or critical." in html
    assert len(titles(response)) == 3


def test_an_unknown_status_and_sort_are_named(as_commenter, workspace, notes):
    html = as_commenter.get(board_url(workspace, "status=done&sort=price")).content.decode()

    assert "“done” is not a status" in html
    assert "The board cannot be sorted by “price”." in html


def test_a_journey_of_another_workspace_is_refused_and_shows_nothing_of_it(
    as_commenter, workspace, notes
):
    theirs = JourneyFactory(workspace=WorkspaceFactory(), title="Their secret plan")

    response = as_commenter.get(board_url(workspace, f"journey={theirs.pk}"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "That journey is not in this workspace (any more)." in html
    assert "Their secret plan" not in html
    assert len(titles(response)) == 5


@pytest.mark.parametrize("journey", ["abc", "-1", "1.5", "999999"])
def test_malformed_journey_ids_are_refused(as_commenter, workspace, notes, journey):
    response = as_commenter.get(board_url(workspace, f"journey={journey}"))

    assert response.status_code == 400
    assert "That journey is not in this workspace" in response.content.decode()


def test_a_persona_of_another_workspace_is_refused(as_commenter, workspace, notes):
    theirs = PersonaFactory(workspace=WorkspaceFactory())

    response = as_commenter.get(board_url(workspace, f"persona={theirs.pk}"))

    assert response.status_code == 400
    assert "That persona is not in this workspace (any more)." in response.content.decode()


def test_a_stage_the_chosen_journey_lacks_is_named(as_commenter, workspace, notes, drill):
    response = as_commenter.get(board_url(workspace, f"journey={drill.journey.pk}&stage=Return"))

    assert response.status_code == 400
    assert "“Return” is not a stage of the chosen journey." in response.content.decode()
    assert len(titles(response)) == 3


def test_unknown_channel_owner_and_too_long_search(as_commenter, workspace, notes):
    html = as_commenter.get(
        board_url(workspace, f"channel=Fax&owner=Nobody&q={'x' * 101}")
    ).content.decode()

    assert "“Fax” is not a channel of this workspace." in html
    assert "No card with frictions has the owner team “Nobody”." in html
    assert "Ensure this value has at most 100 characters" in html


def test_a_page_that_is_not_a_number_shows_the_first(as_commenter, workspace, notes):
    response = as_commenter.get(board_url(workspace, "page=last-one"))

    assert response.status_code == 200
    assert len(titles(response)) == 5


def test_the_message_is_in_french_for_a_french_reader(as_commenter, workspace, notes):
    html = as_commenter.get(
        board_url(workspace, "severity=urgent"), HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()

    assert "«\xa0urgent\xa0» n’est pas une gravité" in html

"""The board costs the same number of queries whatever the number of notes and comments."""

import pytest

from tests.factories import CommentFactory
from tests.touchpoints.board.helpers import add_note, board_url
from touchpoints.models import Mention

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("per_journey", [3, 30])
@pytest.mark.parametrize("query", ["", "severity=high&status=open&mine=1&sort=newest"])
def test_board_queries_do_not_grow_with_notes(
    client, django_assert_num_queries, viewer, workspace, drill, car, per_journey, query
):
    for n in range(per_journey):
        for drawn, stage, channel, persona in (
            (drill, "Purchase", "Store", "Sam"),
            (car, "Return", "Phone", "Nadia"),
        ):
            note = add_note(
                drawn,
                stage=stage,
                channel=channel,
                persona=persona,
                owner=f"Team {n % 4}",
                title=f"Note {n}",
                severity="high",
            )
            comment = CommentFactory(friction=note)
            Mention.objects.create(comment=comment, user=viewer, workspace=workspace)
    client.force_login(viewer)

    # 1. the session, 2. the user, 3. the membership with its workspace,
    # 4.–8. the filters' choices: journeys, personas, stage names, channel names, owner teams,
    # 9. the severity × status counts (one GROUP BY, which also gives the paginator its count),
    # 10. the page of notes with card, journey, persona, stage, channel and author joined and
    # comment count, persona key and "mentions me" as sub-selects, 11. the switcher's workspaces.
    with django_assert_num_queries(11):
        response = client.get(board_url(workspace, query))

    assert response.context["board"].total == 2 * per_journey

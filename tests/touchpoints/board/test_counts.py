"""The severity × status counts: what they count, and where each number leads."""

import pytest

from tests.touchpoints.board.helpers import board_url

pytestmark = pytest.mark.django_db


def matrix(response) -> dict:
    """{(severity or "total", status or "total"): (count, query, selected)}"""
    statuses = ["open", "in_progress", "resolved", "total"]
    return {
        (row.severity or "total", status): (cell.count, cell.query, cell.selected)
        for row in response.context["board"].counts
        for status, cell in zip(statuses, row.cells, strict=True)
    }


def test_counts_by_severity_and_status_with_totals(client, viewer, workspace, notes):
    client.force_login(viewer)

    counts = matrix(client.get(board_url(workspace)))

    assert counts[("high", "open")][0] == 1
    assert counts[("high", "resolved")][0] == 1
    assert counts[("high", "total")][0] == 2
    assert counts[("critical", "in_progress")][0] == 1
    assert counts[("total", "open")][0] == 3
    assert counts[("total", "total")][0] == 5
    assert counts[("low", "resolved")][0] == 0


def test_counts_follow_the_other_filters_but_not_severity_and_status(
    client, viewer, workspace, notes, car
):
    client.force_login(viewer)

    counts = matrix(
        client.get(board_url(workspace, f"journey={car.journey.pk}&severity=high&status=open"))
    )

    # The car journey alone: two notes, whatever severity and status are chosen…
    assert counts[("total", "total")][0] == 2
    assert counts[("medium", "open")][0] == 1
    # …and the chosen cell is marked, the others not.
    assert counts[("high", "open")][2] is True
    assert counts[("medium", "open")][2] is False
    assert counts[("total", "total")][2] is False


def test_each_count_links_to_the_board_filtered_by_it(client, viewer, workspace, notes, car):
    client.force_login(viewer)
    counts = matrix(client.get(board_url(workspace, f"journey={car.journey.pk}&severity=low")))

    assert counts[("high", "open")][1] == f"journey={car.journey.pk}&severity=high&status=open"
    assert counts[("high", "total")][1] == f"journey={car.journey.pk}&severity=high"
    assert counts[("total", "open")][1] == f"journey={car.journey.pk}&status=open"
    assert counts[("total", "total")][1] == f"journey={car.journey.pk}"
    response = client.get(board_url(workspace, counts[("high", "open")][1]))
    assert response.context["board"].total == 1
    assert 'href="?journey=' in response.content.decode()


def test_the_heading_counts_what_the_table_shows(client, viewer, workspace, notes):
    client.force_login(viewer)

    response = client.get(board_url(workspace, "status=open"))

    assert response.context["board"].total == 3
    assert "3 frictions" in response.content.decode()

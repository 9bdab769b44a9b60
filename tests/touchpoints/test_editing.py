"""Moves and edits of cards, stages and channels: positions stay 0..n-1, stale writes refused."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from core.versioning import StaleVersion
from journeys.models import Stage
from tests.factories import (
    ChannelFactory,
    CommentFactory,
    FrictionNoteFactory,
    JourneyFactory,
    JourneyPersonaFactory,
    MembershipFactory,
    StageFactory,
    TouchpointFactory,
)
from touchpoints.models import Mention, Touchpoint
from touchpoints.undo import CannotRestore, delete_with_undo, restore


@pytest.fixture
def grid(db):
    """Two stages × one channel for one persona; three cards in the first cell, one in the next."""
    journey = JourneyFactory()
    persona = JourneyPersonaFactory(journey=journey).persona
    stages = [StageFactory(journey=journey, position=i) for i in range(2)]
    channel = ChannelFactory(journey=journey)
    cards = [
        TouchpointFactory(
            journey=journey, persona=persona, stage=stages[0], channel=channel, position=i
        )
        for i in range(3)
    ]
    cards.append(
        TouchpointFactory(journey=journey, persona=persona, stage=stages[1], channel=channel)
    )
    return journey, stages, channel, cards


def cell_titles(stage, channel) -> list[tuple[str, int]]:
    cards = Touchpoint.objects.filter(stage=stage, channel=channel).order_by("position")
    return [(card.title, card.position) for card in cards]


def titles(cards, *indexes) -> list[str]:
    return [cards[i].title for i in indexes]


def test_moving_a_card_down_its_cell_renumbers_the_cell(grid):
    _journey, stages, channel, cards = grid

    cards[0].move_to(2, expected_version=1)

    moved = cell_titles(stages[0], channel)
    assert [title for title, _ in moved] == titles(cards, 1, 2, 0)
    assert [position for _, position in moved] == [0, 1, 2]


def test_moving_a_card_to_another_cell_closes_the_gap_and_opens_a_slot(grid):
    _journey, stages, channel, cards = grid

    cards[1].move_to(0, expected_version=1, stage_id=stages[1].pk, channel_id=channel.pk)

    assert cell_titles(stages[0], channel) == [(cards[0].title, 0), (cards[2].title, 1)]
    assert cell_titles(stages[1], channel) == [(cards[1].title, 0), (cards[3].title, 1)]
    assert Touchpoint.objects.get(pk=cards[1].pk).version == 2


def test_a_position_past_the_end_means_last(grid):
    _journey, stages, channel, cards = grid

    cards[0].move_to(99, expected_version=1, stage_id=stages[1].pk, channel_id=channel.pk)

    assert cell_titles(stages[1], channel) == [(cards[3].title, 0), (cards[0].title, 1)]


def test_a_stale_move_is_refused_and_shows_the_card_as_it_is_now(grid):
    _journey, stages, channel, cards = grid
    cards[0].save_changes(1, title="Renamed by a teammate")

    with pytest.raises(StaleVersion) as stale:
        Touchpoint.objects.get(pk=cards[0].pk).move_to(2, expected_version=1)

    assert stale.value.current.title == "Renamed by a teammate"
    assert cell_titles(stages[0], channel)[0] == ("Renamed by a teammate", 0)


def test_a_stale_edit_keeps_the_first_writers_text(grid):
    *_, cards = grid
    first, second = Touchpoint.objects.get(pk=cards[0].pk), Touchpoint.objects.get(pk=cards[0].pk)

    first.save_changes(1, title="First writer")
    with pytest.raises(StaleVersion):
        second.save_changes(1, title="Second writer")

    assert Touchpoint.objects.get(pk=cards[0].pk).title == "First writer"


def test_an_edit_of_a_deleted_card_reports_it_gone(grid):
    *_, cards = grid
    stale = Touchpoint.objects.get(pk=cards[0].pk)
    cards[0].remove_from_siblings()

    with pytest.raises(StaleVersion) as gone:
        stale.save_changes(1, title="Too late")

    assert gone.value.current is None


def test_deleting_a_card_closes_the_gap(grid):
    _journey, stages, channel, cards = grid

    cards[0].remove_from_siblings()

    assert cell_titles(stages[0], channel) == [(cards[1].title, 0), (cards[2].title, 1)]


def test_a_new_stage_goes_last_with_a_key_of_its_own(grid):
    journey, stages, *_ = grid
    StageFactory(journey=journey, key="delivery", position=2)

    stage = Stage.create_last(journey.pk, "Delivery", name="Delivery")

    assert (stage.key, stage.position) == ("delivery-2", 3)


def test_reordering_stages_keeps_positions_dense(grid):
    journey, stages, *_ = grid
    third = Stage.create_last(journey.pk, "Loyalty", name="Loyalty")

    third.move_to(0, expected_version=1)

    order = list(journey.stages.values_list("pk", "position"))
    assert order == [(third.pk, 0), (stages[0].pk, 1), (stages[1].pk, 2)]


@pytest.mark.django_db(transaction=True)
def test_concurrent_moves_of_one_card_have_one_winner_and_dense_cells():
    """Two teammates drag the same card at once, on real PostgreSQL transactions."""
    journey = JourneyFactory()
    persona = JourneyPersonaFactory(journey=journey).persona
    stages = [StageFactory(journey=journey, position=i) for i in range(3)]
    channel = ChannelFactory(journey=journey)
    cards = [
        TouchpointFactory(
            journey=journey, persona=persona, stage=stages[0], channel=channel, position=i
        )
        for i in range(4)
    ]
    start = threading.Barrier(2)
    outcomes = []

    def drag_to(stage):
        card = Touchpoint.objects.get(pk=cards[1].pk)
        start.wait()
        try:
            card.move_to(0, expected_version=1, stage_id=stage.pk, channel_id=channel.pk)
            outcomes.append("moved")
        except StaleVersion:
            outcomes.append("conflict")
        finally:
            connection.close()

    threads = [threading.Thread(target=drag_to, args=(stage,)) for stage in stages[1:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["conflict", "moved"]
    for stage in stages:
        positions = list(
            Touchpoint.objects.filter(stage=stage)
            .order_by("position")
            .values_list("position", flat=True)
        )
        assert positions == list(range(len(positions)))
    assert Touchpoint.objects.filter(journey=journey).count() == 4


@pytest.mark.django_db(transaction=True)
def test_concurrent_moves_of_different_cards_into_one_cell_keep_it_dense():
    journey = JourneyFactory()
    persona = JourneyPersonaFactory(journey=journey).persona
    source, target = StageFactory(journey=journey), StageFactory(journey=journey)
    channel = ChannelFactory(journey=journey)
    cards = [
        TouchpointFactory(
            journey=journey, persona=persona, stage=source, channel=channel, position=i
        )
        for i in range(6)
    ]
    start = threading.Barrier(6)

    def drag(card_pk):
        card = Touchpoint.objects.get(pk=card_pk)
        start.wait()
        try:
            card.move_to(0, expected_version=1, stage_id=target.pk, channel_id=channel.pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=drag, args=(card.pk,)) for card in cards]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    positions = Touchpoint.objects.filter(stage=target).values_list("position", flat=True)
    assert sorted(positions) == list(range(6))
    assert not Touchpoint.objects.filter(stage=source).exists()


def test_undo_brings_a_deleted_card_back_in_place_with_its_frictions_and_comments(grid):
    journey, stages, channel, cards = grid
    friction = FrictionNoteFactory(touchpoint=cards[1], severity="critical")
    CommentFactory(friction=friction, body="Seen twice this week.")

    token = delete_with_undo(cards[1])
    assert [title for title, _ in cell_titles(stages[0], channel)] == titles(cards, 0, 2)
    restored = restore(token, journey)

    assert cell_titles(stages[0], channel) == [
        (cards[0].title, 0),
        (cards[1].title, 1),
        (cards[2].title, 2),
    ]
    assert restored.key == cards[1].key
    note = restored.frictions.get()
    assert (note.title, note.severity) == (friction.title, "critical")
    assert [comment.body for comment in note.comments.all()] == ["Seen twice this week."]


def test_undo_gives_the_comments_their_mentions_back_read_or_not(grid):
    journey, _stages, _channel, cards = grid
    member = MembershipFactory(workspace=journey.workspace).user
    note = FrictionNoteFactory(touchpoint=cards[0])
    note.post_comment(member, f"@{member.display_name} first", [member], journey.workspace_id)
    note.post_comment(member, f"@{member.display_name} second", [member], journey.workspace_id)
    Mention.objects.filter(comment__body__endswith="first").update(read_at=timezone.now())

    restore(delete_with_undo(cards[0]), journey)

    mentions = Mention.objects.order_by("comment__created_at")
    assert [(m.comment.body.split()[-1], m.read_at is None) for m in mentions] == [
        ("first", False),
        ("second", True),
    ]
    assert {(m.user, m.workspace) for m in mentions} == {(member, journey.workspace)}


def test_undo_refuses_a_forged_token(grid):
    journey, *_ = grid

    with pytest.raises(CannotRestore):
        restore("not-a-token", journey)


def test_undo_refuses_a_token_of_another_journey(grid):
    *_, cards = grid
    token = delete_with_undo(cards[0])

    with pytest.raises(CannotRestore):
        restore(token, JourneyFactory())


def test_undo_refuses_when_the_stage_went_meanwhile(grid):
    journey, stages, _channel, cards = grid
    token = delete_with_undo(cards[0])
    stages[0].delete()

    with pytest.raises(CannotRestore):
        restore(token, journey)
    assert not Touchpoint.objects.filter(title=cards[0].title).exists()

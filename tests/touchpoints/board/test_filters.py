"""Every filter of the board, alone and together, as a URL someone could share."""

from datetime import timedelta

import pytest
from django.utils import timezone

from maps.swimlanes import load_map
from tests.factories import CommentFactory, FrictionNoteFactory, WorkspaceFactory
from tests.htmx import assert_fragment, hx_target
from tests.touchpoints.board.helpers import add_note, board_url, titles
from touchpoints.models import FrictionNote, Mention

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_viewer(client, viewer):
    client.force_login(viewer)
    return client


def test_board_lists_every_note_worst_first(as_viewer, workspace, notes):
    response = as_viewer.get(board_url(workspace))

    assert response.status_code == 200
    # Among equals (two "high"), the newest first.
    assert titles(response) == [
        "Checkout queue too long",
        "Hold music forever",
        "Card payment fails",
        "Deposit refund is slow",
        "Ads promise a discount",
    ]


def test_notes_of_another_workspace_never_appear(as_viewer, workspace, notes):
    FrictionNoteFactory(
        title="Someone else's problem", touchpoint__journey__workspace=WorkspaceFactory()
    )

    html = as_viewer.get(board_url(workspace)).content.decode()

    assert "Someone else&#x27;s problem" not in html
    assert FrictionNote.objects.count() == 6


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("severity=high", {"Hold music forever", "Card payment fails"}),
        ("severity=low&severity=critical", {"Ads promise a discount", "Checkout queue too long"}),
        ("status=resolved", {"Card payment fails"}),
        (
            "status=open&status=in_progress",
            {
                "Ads promise a discount",
                "Checkout queue too long",
                "Hold music forever",
                "Deposit refund is slow",
            },
        ),
        ("owner=Retail", {"Checkout queue too long", "Hold music forever"}),
        ("q=CHECKOUT", {"Checkout queue too long"}),
        # Stage and channel names reach across journeys: both have a "Purchase" stage.
        ("stage=Purchase", {"Checkout queue too long", "Card payment fails", "Hold music forever"}),
        ("channel=Phone", {"Hold music forever", "Deposit refund is slow"}),
    ],
)
def test_each_filter(as_viewer, workspace, notes, query, expected):
    response = as_viewer.get(board_url(workspace, query))

    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_journey_and_persona_filters(as_viewer, workspace, notes, drill, car):
    response = as_viewer.get(board_url(workspace, f"journey={car.journey.pk}"))
    assert set(titles(response)) == {"Hold music forever", "Deposit refund is slow"}

    nadia = car.links["Nadia"].persona
    response = as_viewer.get(board_url(workspace, f"persona={nadia.pk}"))
    assert titles(response) == ["Hold music forever"]


def test_a_chosen_journey_narrows_stages_channels_and_personas(as_viewer, workspace, notes, car):
    response = as_viewer.get(board_url(workspace, f"journey={car.journey.pk}&stage=Purchase"))

    assert titles(response) == ["Hold music forever"]
    fields = response.context["board"].filters.fields
    assert [value for value, _label in fields["stage"].choices] == [
        "",
        "Awareness",
        "Purchase",
        "Return",
    ]
    assert [value for value, _label in fields["channel"].choices] == ["", "Phone"]
    assert [label for _value, label in fields["persona"].choices][1:] == ["Nadia", "Sam"]


def test_combined_filters(as_viewer, workspace, notes, drill):
    query = (
        f"journey={drill.journey.pk}&stage=Purchase&severity=critical&severity=high"
        "&status=open&status=in_progress"
    )

    response = as_viewer.get(board_url(workspace, query))

    assert titles(response) == ["Checkout queue too long"]


def test_mentions_me_keeps_notes_whose_thread_names_the_reader(
    as_viewer, workspace, viewer, editor, notes
):
    mentioned = notes["Hold music forever"]
    Mention.objects.create(
        comment=CommentFactory(friction=mentioned), user=viewer, workspace=workspace
    )
    # Someone else's mention does not count.
    Mention.objects.create(
        comment=CommentFactory(friction=notes["Card payment fails"]),
        user=editor,
        workspace=workspace,
    )

    response = as_viewer.get(board_url(workspace, "mine=1"))

    assert titles(response) == ["Hold music forever"]
    assert response.context["board"].page.object_list[0].mentions_me
    assert "You are mentioned in its thread" in response.content.decode()


@pytest.mark.parametrize(
    ("sort", "first", "last"),
    [
        ("newest", "Deposit refund is slow", "Ads promise a discount"),
        ("oldest", "Ads promise a discount", "Deposit refund is slow"),
        ("severity", "Checkout queue too long", "Ads promise a discount"),
    ],
)
def test_sort(as_viewer, workspace, notes, sort, first, last):
    response = as_viewer.get(board_url(workspace, f"sort={sort}"))

    assert titles(response)[0] == first
    assert titles(response)[-1] == last


def test_sort_by_recent_update(as_viewer, workspace, notes):
    FrictionNote.objects.filter(title="Ads promise a discount").update(
        updated_at=timezone.now() + timedelta(minutes=5)
    )

    response = as_viewer.get(board_url(workspace, "sort=updated"))

    assert titles(response)[0] == "Ads promise a discount"


def test_the_filters_round_trip_through_the_url(as_viewer, workspace, notes, drill):
    query = (
        f"sort=oldest&status=in_progress&q=c&journey={drill.journey.pk}&stage=Purchase"
        "&severity=critical&mine="
    )
    board = as_viewer.get(board_url(workspace, query)).context["board"]

    shared = board.filters.query()
    again = as_viewer.get(board_url(workspace, shared))

    assert shared == (
        f"q=c&journey={drill.journey.pk}&stage=Purchase&severity=critical"
        "&status=in_progress&sort=oldest"
    )
    assert titles(again) == ["Checkout queue too long"]
    assert again.context["board"].filters.query() == shared


def test_the_filter_form_shows_the_chosen_filters(as_viewer, workspace, notes, drill):
    html = as_viewer.get(
        board_url(workspace, f"journey={drill.journey.pk}&severity=high&mine=1&q=pay")
    ).content.decode()

    assert f'<option value="{drill.journey.pk}" selected>Buy a drill</option>' in html
    assert 'name="severity" value="high" checked' in html
    assert 'name="mine" value="1" checked' in html
    assert 'name="q" value="pay"' in html


def test_pages_of_fifty_keep_the_filters(as_viewer, workspace, drill):
    for n in range(55):
        add_note(
            drill,
            stage="Awareness",
            channel="Website",
            persona="Sam",
            title=f"Note {n:02}",
            severity="high",
        )

    first = as_viewer.get(board_url(workspace, "severity=high&sort=oldest"))
    second = as_viewer.get(board_url(workspace, "severity=high&sort=oldest&page=2"))

    assert len(titles(first)) == 50
    assert titles(second) == [f"Note {n}" for n in range(50, 55)]
    assert 'href="?severity=high&amp;sort=oldest&amp;page=2"' in first.content.decode()
    assert "Page 2 of 2" in second.content.decode()
    # A page past the end shows the last one rather than an error.
    assert titles(as_viewer.get(board_url(workspace, "severity=high&page=99")))[-1] == "Note 00"


def test_a_row_links_to_its_card_on_its_persona_map(as_viewer, workspace, notes, car):
    note = notes["Hold music forever"]
    row = next(
        row
        for row in as_viewer.get(board_url(workspace)).context["board"].page.object_list
        if row.pk == note.pk
    )
    key = car.links["Nadia"].key

    assert row.place.card_url == (
        f"/w/{workspace.slug}/journeys/{car.journey.pk}/?persona={key}&card={note.touchpoint_id}"
    )
    response = as_viewer.get(row.place.card_url)
    assert response.context["touchpoint"] == note.touchpoint
    assert response.context["chosen"].key == key
    assert load_map(car.journey, key).chosen.persona.name == "Nadia"


def test_an_htmx_request_gets_the_board_alone(as_viewer, workspace, notes):
    response = as_viewer.get(board_url(workspace, "severity=low"), **hx_target("board"))

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="board"')
    assert_fragment(html)
    assert "Ads promise a discount" in html
    assert response["Vary"].count("HX-Target") == 1


def test_htmx_puts_the_boards_own_query_in_the_address_bar(as_viewer, workspace, notes):
    """The form sends every field, empty or default; the address bar gets only what matters."""
    response = as_viewer.get(
        board_url(workspace, "q=&journey=&stage=&severity=low&sort=severity&mine=&page=1"),
        **hx_target("board"),
    )

    assert response["HX-Push-Url"] == board_url(workspace, "severity=low")


def test_empty_states(as_viewer, workspace, notes):
    assert (
        "No friction matches these filters"
        in as_viewer.get(board_url(workspace, "q=nothing-like-this")).content.decode()
    )
    FrictionNote.objects.all().delete()
    assert "No friction noted yet" in as_viewer.get(board_url(workspace)).content.decode()


def test_search_forgives_accents_and_case(as_viewer, workspace, drill):
    add_note(drill, stage="Awareness", channel="Website", persona="Sam", title="Délai trop long")
    add_note(drill, stage="Awareness", channel="Website", persona="Sam", title="Prix affiché")

    assert titles(as_viewer.get(board_url(workspace), {"q": "DELAI"})) == ["Délai trop long"]
    assert titles(as_viewer.get(board_url(workspace), {"q": "affiche"})) == ["Prix affiché"]

"""Mentions: the list of a member's mentions, unread until opened, and the suggestions."""

import pytest
from django.urls import reverse

from tests.factories import MembershipFactory
from tests.htmx import HTMX
from touchpoints.mentions import comment_html, find_mentions
from touchpoints.models import Mention


@pytest.fixture
def marie_c(workspace):
    """A second member whose name starts like the first one's."""
    return MembershipFactory(workspace=workspace, user__name="Marie").user


def ws_url(workspace, name, *args):
    return reverse(f"workspaces:{name}", args=[workspace.slug, *args])


def test_longest_member_name_wins(marie, marie_c):
    found = find_mentions("@Marie Dupont and @marie, see (@Marie).", [marie_c, marie])
    assert found.users == [marie, marie_c]
    assert found.unknown == []


def test_unknown_names_and_email_addresses(marie):
    found = find_mentions("@Bob and jo@example.com", [marie])
    assert found.users == []
    assert found.unknown == ["Bob"]


def test_comment_html_marks_only_stored_mentions(marie):
    html = comment_html("Hi @Marie Dupont & <b>@Marie</b>\nbye", [marie])
    assert (
        html
        == 'Hi <span class="mention">@Marie Dupont</span> &amp; &lt;b&gt;@Marie&lt;/b&gt;<br>bye'
    )


def test_mentioned_member_sees_it_unread_until_opened(
    client, commenter, marie, journey, card, note
):
    comment = note.post_comment(commenter, "@Marie Dupont look", [marie], journey.workspace_id)
    client.force_login(marie)
    badge = client.get(ws_url(journey.workspace, "mentions_unread"), **HTMX)
    assert '1<span class="visually-hidden"> unread' in badge.content.decode()
    page = client.get(ws_url(journey.workspace, "mentions")).content.decode()
    assert "1 unread mention" in page
    assert f"mentioned you on “{note.title}”" in page
    mention = Mention.objects.get()
    opened = client.get(ws_url(journey.workspace, "mention_open", mention.pk))
    assert opened.status_code == 302
    assert f"card={card.pk}" in opened["Location"]
    assert f"friction={note.pk}" in opened["Location"]
    assert opened["Location"].endswith(f"#comment-{comment.pk}")
    mention.refresh_from_db()
    assert mention.read_at is not None
    assert "All caught up" in client.get(ws_url(journey.workspace, "mentions")).content.decode()
    badge = client.get(ws_url(journey.workspace, "mentions_unread"), **HTMX)
    assert badge.content.decode().strip() == ""
    # The map opens on the card with the note open.
    map_page = client.get(opened["Location"]).content.decode()
    assert f'id="friction-{note.pk}"' in map_page
    assert "<details open>" in map_page


def test_mark_all_as_read(client, commenter, marie, journey, note):
    for n in range(3):
        note.post_comment(commenter, f"@Marie Dupont {n}", [marie], journey.workspace_id)
    client.force_login(marie)
    client.post(ws_url(journey.workspace, "mentions_read"))
    assert not Mention.objects.filter(read_at=None).exists()


def test_nobody_opens_someone_elses_mention(client, commenter, marie, editor, journey, note):
    note.post_comment(commenter, "@Marie Dupont look", [marie], journey.workspace_id)
    mention = Mention.objects.get()
    client.force_login(editor)
    assert client.get(ws_url(journey.workspace, "mention_open", mention.pk)).status_code == 404
    assert (
        "Nobody has mentioned you yet"
        in client.get(ws_url(journey.workspace, "mentions")).content.decode()
    )
    mention.refresh_from_db()
    assert mention.read_at is None


def test_outsider_gets_404(client, outsider, workspace):
    client.force_login(outsider)
    assert client.get(ws_url(workspace, "mentions")).status_code == 404
    assert client.get(ws_url(workspace, "mention_suggestions")).status_code == 404


def test_suggestions_list_members_by_name_or_email(
    client, commenter, marie, marie_c, outsider, workspace
):
    client.force_login(commenter)
    found = client.get(ws_url(workspace, "mention_suggestions"), {"q": "mar"}).json()["members"]
    assert [m["name"] for m in found] == ["Marie", "Marie Dupont"]
    found = client.get(ws_url(workspace, "mention_suggestions"), {"q": "dup"}).json()["members"]
    assert [m["name"] for m in found] == ["Marie Dupont"]
    everyone = client.get(ws_url(workspace, "mention_suggestions")).json()["members"]
    assert outsider.display_name not in [m["name"] for m in everyone]


def test_viewers_get_no_suggestions(client, viewer, workspace):
    client.force_login(viewer)
    assert client.get(ws_url(workspace, "mention_suggestions"), {"q": "a"}).status_code == 403


@pytest.fixture
def elodie(workspace):
    return MembershipFactory(workspace=workspace, user__name="Élodie Garnier").user


@pytest.mark.parametrize(
    "text",
    [
        "@Élodie can you look?",
        "@elodie, can you look?",
        "@Élodie G can you look?",
        "@ÉLODIE garnier",
    ],
)
def test_a_first_name_or_its_start_finds_the_one_member_so_named(text, elodie, marie):
    found = find_mentions(text, [marie, elodie])

    assert found.users == [elodie]
    assert found.unknown == []
    assert found.ambiguous == []


def test_a_shared_first_name_offers_the_choices(workspace, elodie, marie):
    martin = MembershipFactory(workspace=workspace, user__name="Élodie Martin").user
    members = [marie, elodie, martin]

    found = find_mentions("@elodie please", members)

    assert found.users == []
    assert found.ambiguous == [("elodie", [elodie, martin])]
    # A letter of the last name settles it.
    assert find_mentions("@Élodie M please", members).users == [martin]


def test_comment_html_marks_forgiving_mentions_whole(elodie):
    html = comment_html("Thanks @elodie G for this", [elodie])

    assert html == 'Thanks <span class="mention">@elodie G</span> for this'


def test_names_that_fold_longer_or_shorter_end_in_the_right_place(workspace):
    strauss = MembershipFactory(workspace=workspace, user__name="Anna Straße").user
    decomposed = MembershipFactory(workspace=workspace, user__name="Rene\u0301 Roy").user

    assert comment_html("@anna strasse!", [strauss]) == (
        '<span class="mention">@anna strasse</span>!'
    )
    assert comment_html("hi @Rene\u0301 Roy.", [decomposed]) == (
        'hi <span class="mention">@Rene\u0301 Roy</span>.'
    )


def test_ambiguous_mention_is_refused_with_the_choices(client, workspace, elodie, journey, note):
    MembershipFactory(workspace=workspace, user__name="Élodie Martin")
    client.force_login(elodie)

    response = client.post(
        reverse("journeys:comment_add", args=[workspace.slug, journey.pk, note.pk]),
        {"body": "@Élodie have a look"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "“@Élodie” could be Élodie Garnier or Élodie Martin: write more of the name." in html
    assert not note.comments.exists()


@pytest.mark.parametrize("typed", ["elo", "ÉLO", "garn", "Élodie G"])
def test_suggestions_forgive_accents_and_case(client, workspace, elodie, marie, typed):
    client.force_login(elodie)

    response = client.get(ws_url(workspace, "mention_suggestions"), {"q": typed})

    assert [member["name"] for member in response.json()["members"]] == ["Élodie Garnier"]

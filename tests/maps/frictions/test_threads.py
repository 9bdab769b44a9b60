"""Comment threads on friction notes: post, edit and delete your own, escaped plain text,
@mentions of members, per role."""

import pytest

from journeys.models import Activity
from tests.factories import CommentFactory, FrictionNoteFactory, UserFactory
from tests.htmx import HTMX, assert_full_page
from tests.maps.helpers import url
from touchpoints.models import Comment, Mention


def post(client, journey, note, body):
    return client.post(url(journey, "comment_add", note.pk), {"body": body}, **HTMX)


@pytest.mark.parametrize("role", ["commenter", "editor", "owner"])
def test_members_who_may_comment_post_a_comment(client, request, role, journey, note):
    user = request.getfixturevalue(role)
    client.force_login(user)
    response = post(client, journey, note, "Seen in the store too.")
    assert response.status_code == 200
    comment = note.comments.get()
    assert (comment.author, comment.body, comment.edited_at) == (
        user,
        "Seen in the store too.",
        None,
    )
    html = response.content.decode()
    assert "Seen in the store too." in html
    assert "1 comment" in html
    assert Activity.objects.filter(verb="commented", object_id=note.pk, actor=user).exists()


def test_text_is_escaped_and_line_breaks_kept(client, commenter, journey, note):
    client.force_login(commenter)
    html = post(client, journey, note, "<script>alert(1)</script>\r\nSecond line").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Second line" in html
    assert "<script>alert" not in html


def test_empty_and_huge_comments_are_refused(client, commenter, journey, note):
    client.force_login(commenter)
    response = post(client, journey, note, "   ")
    assert response.status_code == 400
    assert "Write something before posting." in response.content.decode()
    response = post(client, journey, note, "x" * 20_000)
    assert response.status_code == 400
    assert "A comment can hold 5,000 characters; this one has 20,000." in response.content.decode()
    assert not note.comments.exists()


def test_a_mention_of_a_member_is_stored_and_shown(client, commenter, marie, journey, note):
    client.force_login(commenter)
    html = post(client, journey, note, "@Marie Dupont can you check the prices?").content.decode()
    mention = Mention.objects.get()
    assert (mention.user, mention.read_at, mention.workspace) == (marie, None, journey.workspace)
    assert '<span class="mention">@Marie Dupont</span> can you check' in html


def test_a_mention_of_a_non_member_is_refused(client, commenter, journey, note):
    stranger = UserFactory(name="Paul Martin")
    client.force_login(commenter)
    response = post(client, journey, note, "Ask @Paul Martin about it")
    assert response.status_code == 400
    assert "@Paul is not a member of this workspace" in response.content.decode()
    # The text stays in the box, to fix.
    assert "Ask @Paul Martin about it</textarea>" in response.content.decode()
    assert not note.comments.exists()
    assert not Mention.objects.filter(user=stranger).exists()


def test_an_email_address_is_not_a_mention(client, commenter, journey, note):
    client.force_login(commenter)
    assert post(client, journey, note, "Write to support@example.com").status_code == 200
    assert not Mention.objects.exists()


def test_author_edits_their_comment_and_it_is_marked_edited(
    client, commenter, marie, journey, note
):
    comment = note.post_comment(commenter, "First try", [], journey.workspace_id)
    client.force_login(commenter)
    editor_html = client.get(url(journey, "comment_edit", comment.pk), **HTMX).content.decode()
    assert "First try</textarea>" in editor_html
    response = client.post(
        url(journey, "comment_edit", comment.pk), {"body": "Better, @Marie Dupont"}, **HTMX
    )
    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.body == "Better, @Marie Dupont"
    assert comment.edited_at is not None
    assert "edited" in response.content.decode()
    assert list(Mention.objects.values_list("user", flat=True)) == [marie.pk]


def test_editing_out_a_mention_removes_it(client, commenter, marie, journey, note):
    comment = note.post_comment(commenter, "@Marie Dupont look", [marie], journey.workspace_id)
    client.force_login(commenter)
    client.post(url(journey, "comment_edit", comment.pk), {"body": "never mind"}, **HTMX)
    assert not Mention.objects.exists()


def test_an_edit_to_nothing_is_refused(client, commenter, journey, note):
    comment = note.post_comment(commenter, "Keep me", [], journey.workspace_id)
    client.force_login(commenter)
    response = client.post(url(journey, "comment_edit", comment.pk), {"body": ""}, **HTMX)
    assert response.status_code == 400
    comment.refresh_from_db()
    assert comment.body == "Keep me"


def test_author_deletes_their_comment(client, commenter, journey, note):
    comment = note.post_comment(commenter, "Oops", [], journey.workspace_id)
    client.force_login(commenter)
    assert client.post(url(journey, "comment_delete", comment.pk), **HTMX).status_code == 200
    assert not Comment.objects.filter(pk=comment.pk).exists()


@pytest.mark.parametrize("role", ["editor", "owner", "commenter"])
def test_nobody_edits_or_deletes_someone_elses_comment(client, request, role, journey, note, marie):
    comment = note.post_comment(marie, "Mine", [], journey.workspace_id)
    client.force_login(request.getfixturevalue(role))
    assert client.get(url(journey, "comment_edit", comment.pk)).status_code == 403
    edited = client.post(url(journey, "comment_edit", comment.pk), {"body": "Forged"}, **HTMX)
    assert edited.status_code == 403
    assert client.post(url(journey, "comment_delete", comment.pk), **HTMX).status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Mine"


def test_others_comments_have_no_edit_controls(client, commenter, marie, journey, card, note):
    note.post_comment(marie, "From Marie", [], journey.workspace_id)
    client.force_login(commenter)
    html = client.get(url(journey, "card", card.pk), **HTMX).content.decode()
    assert "From Marie" in html
    assert "your comment" not in html


def test_viewer_reads_threads_but_cannot_comment(client, viewer, journey, card, note):
    CommentFactory(friction=note, body="Imported remark", author_name="Léa")
    client.force_login(viewer)
    html = client.get(url(journey, "card", card.pk), **HTMX).content.decode()
    assert "Imported remark" in html
    assert "Léa" in html
    assert "Post comment" not in html
    assert post(client, journey, note, "Forged").status_code == 403
    assert note.comments.count() == 1


def test_a_comment_on_a_note_of_another_workspace_is_not_found(client, commenter, journey):
    elsewhere = FrictionNoteFactory()
    client.force_login(commenter)
    assert post(client, journey, elsewhere, "Hello").status_code == 404
    assert not elsewhere.comments.exists()


def test_the_thread_shows_in_order_with_authors(client, commenter, marie, journey, card, note):
    note.post_comment(marie, "First", [], journey.workspace_id)
    note.post_comment(commenter, "Second", [], journey.workspace_id)
    client.force_login(commenter)
    html = client.get(url(journey, "card", card.pk), **HTMX).content.decode()
    assert html.index("First") < html.index("Second")
    assert "Marie Dupont" in html


def test_without_javascript_a_comment_is_edited_on_a_whole_page(client, commenter, journey, note):
    comment = note.post_comment(commenter, "Typo hree", [], journey.workspace_id)
    client.force_login(commenter)
    page = client.get(url(journey, "comment_edit", comment.pk)).content.decode()
    assert_full_page(page)
    assert "Typo hree</textarea>" in page
    response = client.post(url(journey, "comment_edit", comment.pk), {"body": "Typo here"})
    assert response.status_code == 302
    assert f"friction={note.pk}" in response["Location"]
    comment.refresh_from_db()
    assert comment.body == "Typo here"

"""An e-mail for each new mention, after the commit, in the reader's language, if they want it."""

import pytest
from django.core import mail

from tests.factories import MembershipFactory
from tests.htmx import HTMX
from tests.maps.helpers import url
from workspaces.models import Role


@pytest.fixture
def nadia(workspace):
    return MembershipFactory(
        workspace=workspace, role=Role.VIEWER, user__name="Nadia Roy", user__language="fr"
    ).user


def post(client, journey, note, body, capture):
    with capture(execute=True):
        return client.post(url(journey, "comment_add", note.pk), {"body": body}, **HTMX)


def test_a_mentioned_member_gets_an_email_in_their_language(
    client, editor, nadia, marie, journey, note, django_capture_on_commit_callbacks
):
    marie.email_on_mention = False
    marie.save()
    client.force_login(editor)
    post(
        client,
        journey,
        note,
        "@Nadia Roy and @Marie Dupont, look",
        django_capture_on_commit_callbacks,
    )
    assert [m.to for m in mail.outbox] == [[nadia.email]]
    message = mail.outbox[0]
    assert "vous a mentionné" in message.subject
    assert note.title in message.subject
    assert "@Nadia Roy and @Marie Dupont, look" in message.body
    assert f"/w/{journey.workspace.slug}/mentions/" in message.body


def test_the_mail_waits_for_the_commit(client, editor, nadia, journey, note):
    client.force_login(editor)
    client.post(url(journey, "comment_add", note.pk), {"body": "@Nadia Roy"}, **HTMX)
    # The test's transaction never commits: nothing may have left.
    assert mail.outbox == []


def test_an_edit_mails_only_the_newly_mentioned(
    client, editor, nadia, marie, journey, note, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    post(client, journey, note, "@Nadia Roy", django_capture_on_commit_callbacks)
    comment = note.comments.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url(journey, "comment_edit", comment.pk), {"body": "@Nadia Roy @Marie Dupont"}, **HTMX
        )
    assert [m.to for m in mail.outbox] == [[nadia.email], [marie.email]]
    assert "mentioned you" in mail.outbox[1].subject

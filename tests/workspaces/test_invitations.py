"""Invitations people accept: nobody joins without saying yes, and an owner learns nothing of
who has an account."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from tests.factories import PASSWORD, UserFactory
from workspaces.models import Invitation, Membership, Role


class BrokenMailBackend:
    """A mail server that refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def members_url(workspace):
    return reverse("workspaces:members", args=[workspace.slug])


def invite(client, workspace, email, capture, role="editor"):
    with capture(execute=True):
        return client.post(members_url(workspace), {"email": email, "role": role}, follow=True)


def link_in(message) -> str:
    return re.search(r"http://testserver(/invitations/\S+/)", message.body)[1]


# Transactional: the mail goes out on commit, during the request, as on a real server.
@pytest.mark.django_db(transaction=True)
def test_the_answer_is_the_same_whether_or_not_an_account_exists(
    client, workspace, owner, django_capture_on_commit_callbacks
):
    UserFactory(email="known@example.com", name="Known Person")
    client.force_login(owner)
    known = invite(client, workspace, "known@example.com", django_capture_on_commit_callbacks)
    unknown = invite(client, workspace, "nobody@example.com", django_capture_on_commit_callbacks)
    known_html, unknown_html = known.content.decode(), unknown.content.decode()
    assert "An invitation was sent to known@example.com" in known_html
    assert "An invitation was sent to nobody@example.com" in unknown_html
    assert "Known Person" not in known_html
    assert not Membership.objects.filter(workspace=workspace, user__email="known@example.com")
    assert not User.objects.filter(email="nobody@example.com").exists()
    assert [m.to for m in mail.outbox] == [["known@example.com"], ["nobody@example.com"]]
    assert mail.outbox[0].subject.replace("known", "nobody") == mail.outbox[1].subject


def test_the_token_is_stored_hashed(client, workspace, owner, django_capture_on_commit_callbacks):
    client.force_login(owner)
    invite(client, workspace, "new@example.com", django_capture_on_commit_callbacks)
    token = link_in(mail.outbox[0]).split("/")[2]
    invitation = Invitation.objects.get()
    assert token not in invitation.token_hash
    assert Invitation.objects.by_token(token) == invitation
    assert invitation.inviter == owner
    assert invitation.expires_at > timezone.now() + timedelta(days=13)


def test_a_newcomer_sets_name_and_password_and_joins(
    client, workspace, owner, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    invite(client, workspace, "new@example.com", django_capture_on_commit_callbacks, "commenter")
    client.logout()
    link = link_in(mail.outbox[0])
    page = client.get(link).content.decode()
    assert workspace.name in page
    assert owner.display_name in page
    response = client.post(
        link, {"name": "Nina Newcomer", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.url == workspace.get_absolute_url()
    user = User.objects.get(email="new@example.com")
    assert user.name == "Nina Newcomer"
    assert user.check_password(PASSWORD)
    assert Membership.objects.get(workspace=workspace, user=user).role == Role.COMMENTER
    assert not Invitation.objects.exists()
    assert client.get(link).status_code == 404


def test_a_newcomer_without_a_name_is_told_beside_the_field(
    client, workspace, owner, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    invite(client, workspace, "new@example.com", django_capture_on_commit_callbacks)
    client.logout()
    response = client.post(
        link_in(mail.outbox[0]), {"name": "", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not User.objects.filter(email="new@example.com").exists()


def test_an_existing_account_logs_in_then_accepts(
    client, workspace, owner, django_capture_on_commit_callbacks
):
    known = UserFactory(email="known@example.com")
    client.force_login(owner)
    invite(client, workspace, "known@example.com", django_capture_on_commit_callbacks, "viewer")
    client.logout()
    link = link_in(mail.outbox[0])
    token = link.split("/")[2]
    assert "Log in as known@example.com" in client.get(link).content.decode()
    client.force_login(known)
    assert "Accept and join" in client.get(link).content.decode()
    assert not Membership.objects.filter(workspace=workspace, user=known).exists()
    client.post(reverse("invitation_accept", args=[token]))
    assert Membership.objects.get(workspace=workspace, user=known).role == Role.VIEWER


def test_an_existing_account_may_decline(
    client, workspace, owner, django_capture_on_commit_callbacks
):
    known = UserFactory(email="known@example.com")
    client.force_login(owner)
    invite(client, workspace, "known@example.com", django_capture_on_commit_callbacks)
    token = link_in(mail.outbox[0]).split("/")[2]
    client.force_login(known)
    client.post(reverse("invitation_decline", args=[token]))
    assert not Membership.objects.filter(workspace=workspace, user=known).exists()
    assert not Invitation.objects.exists()


def test_someone_else_cannot_accept_an_invitation(
    client, workspace, owner, outsider, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    invite(client, workspace, "known@example.com", django_capture_on_commit_callbacks)
    token = link_in(mail.outbox[0]).split("/")[2]
    client.force_login(outsider)
    client.post(reverse("invitation_accept", args=[token]))
    client.post(reverse("invitation_decline", args=[token]))
    assert not Membership.objects.filter(workspace=workspace, user=outsider).exists()
    assert Invitation.objects.exists()


def test_an_expired_link_explains_itself_and_asks_for_a_new_one(
    client, workspace, owner, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    invite(client, workspace, "late@example.com", django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    client.logout()
    response = client.get(link)
    assert response.status_code == 410
    assert "This invitation has expired" in response.content.decode()
    assert client.post(link, {"name": "Late"}).status_code == 410
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link + "renewal/")
    assert mail.outbox[-1].to == [owner.email]
    assert "late@example.com" in mail.outbox[-1].subject
    assert Invitation.objects.get().renewal_asked_at is not None
    client.force_login(owner)
    assert "Asked for a new link" in client.get(members_url(workspace)).content.decode()


def test_owner_resends_with_a_new_link_and_cancels(
    client, workspace, owner, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    invite(client, workspace, "new@example.com", django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()
    old_link = link_in(mail.outbox[0])
    resend = reverse("workspaces:invitation_resend", args=[workspace.slug, invitation.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(resend)
    new_link = link_in(mail.outbox[1])
    assert new_link != old_link
    assert client.get(old_link).status_code == 404
    assert client.get(new_link).status_code == 200
    client.post(reverse("workspaces:invitation_cancel", args=[workspace.slug, invitation.pk]))
    assert not Invitation.objects.exists()
    assert client.get(new_link).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_a_mail_failure_is_told_to_the_owner_not_a_500(
    client, workspace, owner, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.workspaces.test_invitations.BrokenMailBackend"
    client.force_login(owner)
    response = invite(client, workspace, "new@example.com", django_capture_on_commit_callbacks)
    assert response.status_code == 200
    html = response.content.decode()
    assert "could not be sent" in html
    assert "Not sent" in html
    assert Invitation.objects.get().sent_at is None


@pytest.mark.parametrize("role_fixture", ["editor", "viewer"])
def test_only_owners_resend_or_cancel(client, workspace, owner, role_fixture, request):
    invitation, _token = Invitation.invite(workspace, "x@example.com", Role.EDITOR, owner)
    client.force_login(request.getfixturevalue(role_fixture))
    for name in ("invitation_resend", "invitation_cancel"):
        url = reverse(f"workspaces:{name}", args=[workspace.slug, invitation.pk])
        assert client.post(url).status_code == 403
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_an_invitation_of_another_workspace_cannot_be_reached(client, workspace, owner, outsider):
    foreign_workspace = Membership.objects.get(user=outsider).workspace
    invitation, _token = Invitation.invite(foreign_workspace, "x@example.com", "editor", outsider)
    client.force_login(owner)
    url = reverse("workspaces:invitation_cancel", args=[workspace.slug, invitation.pk])
    assert client.post(url).status_code == 404
    assert Invitation.objects.filter(pk=invitation.pk).exists()

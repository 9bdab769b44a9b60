"""Throttles that hold across app servers, kept in PostgreSQL: logins (django-axes, per account
and per client address, the admin's too), password-reset mails, sign-ups, invitations and
comments. The person is told when to try again; htmx requests get 429 and the message."""

import pytest
from django.core import mail
from django.urls import reverse

from core import throttle
from tests.factories import PASSWORD, UserFactory
from tests.htmx import HTMX
from tests.maps.helpers import url

pytestmark = pytest.mark.django_db


def _login(client, email, password, address="203.0.113.7", path=None):
    return client.post(
        path or reverse("login"),
        {"username": email, "password": password},
        REMOTE_ADDR=address,
    )


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_does_not_log_in(client):
    user = UserFactory()
    for _ in range(30):
        _login(client, user.email, "wrong")

    response = _login(client, user.email, PASSWORD)

    assert response.status_code == 429
    assert not _logged_in(client)
    assert "try again in 15 minutes" in response.content.decode()


def test_an_account_is_locked_whatever_address_the_guesses_come_from(client):
    user = UserFactory()
    for attempt in range(30):
        _login(client, user.email, "wrong", address=f"198.51.100.{attempt}")

    _login(client, user.email, PASSWORD, address="192.0.2.1")

    assert not _logged_in(client)


def test_an_address_guessing_many_accounts_is_locked(client):
    users = UserFactory.create_batch(12)
    for user in users[:-1]:
        _login(client, user.email, "wrong")

    _login(client, users[-1].email, PASSWORD)

    assert not _logged_in(client)


def test_a_few_mistakes_do_not_lock_anyone_out(client):
    user = UserFactory()
    for _ in range(3):
        _login(client, user.email, "wrong")

    _login(client, user.email, PASSWORD)

    assert _logged_in(client)


def test_the_admin_login_is_throttled_too(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    path = reverse("admin:login")
    for _ in range(30):
        _login(client, admin.email, "wrong", path=path)

    response = _login(client, admin.email, PASSWORD, path=path)

    assert response.status_code == 429
    assert not _logged_in(client)


def test_ten_password_resets_do_not_send_ten_mails(client):
    user = UserFactory()
    for _ in range(10):
        response = client.post(reverse("password_reset"), {"email": user.email})
        # The same answer every time: nobody learns that the mails stopped.
        assert response.status_code == 302

    assert len(mail.outbox) == throttle.PASSWORD_RESET_MAILS.limit


def test_one_address_asking_for_many_resets_is_told_when_to_retry(client):
    for number in range(throttle.PASSWORD_RESET.limit):
        client.post(reverse("password_reset"), {"email": f"nobody{number}@example.com"})

    response = client.post(reverse("password_reset"), {"email": "more@example.com"})

    assert response.status_code == 429
    assert "Please try again in" in response.content.decode()
    assert int(response["Retry-After"]) > 0


def test_sign_ups_from_one_address_are_limited(client):
    for number in range(throttle.SIGNUP.limit):
        client.post(reverse("signup"), {"email": "not an address", "name": str(number)})

    response = client.post(reverse("signup"), {"email": "new@example.com"})

    assert response.status_code == 429


def test_invitations_are_limited_per_inviting_owner(client, owner, workspace):
    client.force_login(owner)
    members = reverse("workspaces:members", args=[workspace.slug])
    for number in range(throttle.INVITATION.limit):
        client.post(members, {"email": f"guest{number}@example.com", "role": "viewer"})
    sent = len(mail.outbox)

    response = client.post(members, {"email": "one-more@example.com", "role": "viewer"})

    assert response.status_code == 429
    assert len(mail.outbox) == sent
    assert not workspace.memberships.filter(user__email="one-more@example.com").exists()


def test_comment_posting_is_limited_and_htmx_gets_429_with_the_message(
    client, commenter, journey, note
):
    client.force_login(commenter)
    path = url(journey, "comment_add", note.pk)
    for number in range(throttle.COMMENT.limit):
        client.post(path, {"body": f"comment {number}"}, **HTMX)

    response = client.post(path, {"body": "one too many"}, **HTMX)

    assert response.status_code == 429
    assert response["HX-Reswap"] == "none"
    html = response.content.decode()
    assert 'id="messages"' in html
    assert "Too many attempts in a short time. Please try again in" in html
    assert note.comments.count() == throttle.COMMENT.limit

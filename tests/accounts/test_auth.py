import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory
from workspaces.models import Membership, Role


@pytest.mark.django_db
def test_signup_creates_user_and_first_workspace_as_owner(client):
    response = client.post(
        reverse("signup"),
        {
            "email": "Alice@Example.com",
            "name": "Alice Martin",
            "workspace_name": "Growth team",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    user = User.objects.get(email="alice@example.com")
    membership = Membership.objects.get(user=user)
    assert membership.role == Role.OWNER
    assert membership.workspace.name == "Growth team"
    assert response.url == membership.workspace.get_absolute_url()
    assert client.get(response.url).status_code == 200


@pytest.mark.django_db
def test_signup_names_the_workspace_after_the_user_when_left_blank(client):
    client.post(
        reverse("signup"),
        {"email": "bob@example.com", "name": "Bob", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert Membership.objects.get(user__email="bob@example.com").workspace.name == "Bob's workspace"


@pytest.mark.django_db
def test_signup_refuses_a_taken_email_whatever_its_case(client):
    UserFactory(email="taken@example.com")
    response = client.post(
        reverse("signup"),
        {"email": "TAKEN@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 400
    assert "already exists" in response.content.decode()
    assert User.objects.filter(email__iexact="taken@example.com").count() == 1


@pytest.mark.django_db
def test_signup_refuses_a_weak_password_and_creates_nothing(client):
    response = client.post(
        reverse("signup"), {"email": "weak@example.com", "password1": "123", "password2": "123"}
    )
    assert response.status_code == 400
    assert not User.objects.filter(email="weak@example.com").exists()
    assert not Membership.objects.exists()


@pytest.mark.django_db
def test_login_with_email_and_logout(client):
    user = UserFactory()
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302
    assert "_auth_user_id" in client.session
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_form_is_labelled_email_and_password(client):
    html = client.get(reverse("login")).content.decode()
    assert re.search(r"<label[^>]*>Email", html)
    assert re.search(r"<label[^>]*>Password", html)


@pytest.mark.django_db
def test_wrong_password_is_refused_with_a_message(client):
    user = UserFactory()
    response = client.post(reverse("login"), {"username": user.email, "password": "nope"})
    assert response.status_code == 200
    assert "correct email" in response.content.decode().lower()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    user = UserFactory(email="forgot@example.com")
    client.post(reverse("password_reset"), {"email": "forgot@example.com"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/password-reset/\S+/", mail.outbox[0].body).group(0)
    form_url = client.get(link).url  # Django swaps the token for a session marker
    response = client.post(
        form_url,
        {"new_password1": "a fresh passphrase 42", "new_password2": "a fresh passphrase 42"},
    )
    assert response.url == reverse("password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("a fresh passphrase 42")


@pytest.mark.django_db
def test_the_front_door_explains_parcours_and_offers_the_way_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "customer journey maps" in html
    assert 'src="/static/img/demo-map.png"' in html
    assert f'href="{reverse("signup")}"' in html
    assert f'href="{reverse("login")}"' in html


@pytest.mark.django_db
def test_the_login_page_lists_the_demo_logins_only_with_debug(client, settings):
    UserFactory(email="demo@parcours.example")
    settings.DEBUG = True
    html = client.get(reverse("login")).content.decode()
    assert "Demo logins" in html
    assert "demo@parcours.example" in html
    assert "parcours-demo" in html
    # Only the demo accounts that exist: the others were never loaded here.
    assert "viewer@parcours.example" not in html
    settings.DEBUG = False
    html = client.get(reverse("login")).content.decode()
    assert "parcours-demo" not in html

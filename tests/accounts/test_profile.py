"""The profile page: name, address, interface language, password, and mention e-mails."""

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

NEW_PASSWORD = "a whole new battery staple"


@pytest.fixture
def person(db):
    return UserFactory(email="ana@example.com", name="Ana")


def save(client, **changes):
    fields = {"name": "Ana", "email": "ana@example.com", "language": "", "email_on_mention": "on"}
    return client.post(reverse("profile"), fields | changes)


def test_the_header_links_to_the_profile(client, person):
    client.force_login(person)
    html = client.get(reverse("profile")).content.decode()
    assert f'href="{reverse("profile")}"' in html
    assert "Your profile" in html


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_person_renames_themselves_and_stops_mention_mails(client, person):
    client.force_login(person)
    response = save(client, name="Ana Ruiz", email_on_mention="")
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.name, person.email_on_mention) == ("Ana Ruiz", False)


def test_a_blank_name_is_refused_beside_the_field(client, person):
    client.force_login(person)
    response = save(client, name=" ")
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    person.refresh_from_db()
    assert person.name == "Ana"


def test_the_profile_language_wins_over_the_browser(client, person):
    client.force_login(person)
    save(client, language="fr")
    html = client.get(reverse("profile"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fr"' in html
    assert "Votre profil" in html


def test_the_header_switch_is_remembered_on_the_profile(client, person):
    client.force_login(person)
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    person.refresh_from_db()
    assert person.language == "fr"


def test_a_new_address_needs_the_current_password(client, person):
    client.force_login(person)
    response = save(client, email="ana.ruiz@example.com")
    assert response.status_code == 400
    assert "Type your current password" in response.content.decode()
    save(client, email="ana.ruiz@example.com", current_password=PASSWORD)
    person.refresh_from_db()
    assert person.email == "ana.ruiz@example.com"


def test_an_address_taken_by_another_account_is_refused(client, person):
    UserFactory(email="taken@example.com")
    client.force_login(person)
    response = save(client, email="Taken@example.com", current_password=PASSWORD)
    assert response.status_code == 400
    assert "already exists" in response.content.decode()


def test_a_password_change_keeps_the_person_logged_in(client, person):
    client.force_login(person)
    url = reverse("password_change")
    wrong = {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    assert client.post(url, wrong).status_code == 400
    client.post(url, wrong | {"old_password": PASSWORD})
    assert User.objects.get(pk=person.pk).check_password(NEW_PASSWORD)
    assert client.get(reverse("profile")).status_code == 200

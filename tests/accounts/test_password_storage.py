"""Passwords are stored with Argon2id at OWASP's minimum (accounts/hashers.py), and a password
stored by an older hasher is rehashed the first time its owner logs in."""

import pytest
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from config import settings as project_settings
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def real_hashers(settings):
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS


def test_a_new_password_is_stored_with_argon2id(real_hashers):
    user = UserFactory(password="correct horse battery")
    assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert user.check_password("correct horse battery")
    assert not user.check_password("correct horse")


def test_an_older_pbkdf2_password_still_logs_in_and_is_rehashed(real_hashers, client):
    user = UserFactory()
    user.password = make_password("old password 2024", hasher="pbkdf2_sha256")
    user.save()
    response = client.post(
        reverse("login"), {"username": user.email, "password": "old password 2024"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password("old password 2024")

"""Sessions (accounts/sessions.py): the same rows as Django's database engine, read by a
compiled query; an expired or unknown session signs nobody in."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from accounts.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_a_session_saved_by_djangos_engine_reads_back(editor):
    django_session = DjangoSessionStore()
    django_session["answer"] = 42
    django_session.create()
    assert SessionStore(django_session.session_key)["answer"] == 42


def test_signed_in_pages_need_a_live_session(client, editor, workspace):
    client.force_login(editor)
    url = reverse("journeys:list", args=[workspace.slug])
    assert client.get(url).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_unknown_key_is_an_empty_session_with_a_new_key():
    store = SessionStore("x" * 32)
    assert store.load() == {}
    assert store.session_key is None


@pytest.mark.parametrize(
    "backend", ["accounts.backends.ModelBackend", "django.contrib.auth.backends.ModelBackend"]
)
def test_a_session_signed_in_by_our_backend_or_djangos_own_stays_signed_in(
    client, editor, workspace, backend
):
    """Sessions from before accounts.backends replaced Django's ModelBackend keep working."""
    client.force_login(editor, backend=backend)
    url = reverse("journeys:list", args=[workspace.slug])
    assert client.get(url).status_code == 200
    editor.set_password("a whole new passphrase")
    editor.save()
    # Django's session check still holds: a new password signs every session out.
    assert client.get(url).status_code == 302


def test_logging_in_through_the_form_signs_in_with_our_backend(client, editor):
    editor.set_password("correct horse battery")
    editor.save()
    client.post(reverse("login"), {"username": editor.email, "password": "correct horse battery"})
    assert client.session["_auth_user_backend"] == "accounts.backends.ModelBackend"

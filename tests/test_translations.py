from pathlib import Path

import polib
import pytest
from django.urls import reverse

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/fr/LC_MESSAGES/django.po"


def test_every_string_of_the_french_catalogue_is_translated():
    catalogue = polib.pofile(str(CATALOGUE))
    assert len(catalogue) > 100
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.django_db
def test_the_language_switcher_remembers_french(client):
    response = client.post(reverse("set_language"), {"language": "fr", "next": reverse("login")})
    assert response.cookies["django_language"].value == "fr"
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="fr"' in html
    assert "Mot de passe" in html
    assert "Se connecter" in html


@pytest.mark.django_db
def test_the_browser_language_is_honoured(client):
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").content.decode()
    assert "Mot de passe" in html
    html = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    assert "Password" in html

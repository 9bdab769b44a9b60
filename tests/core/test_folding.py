"""Folded matching: accents and case aside, in Python and in the database alike."""

import pytest
from django.urls import reverse

from core.folding import fold, folded_search
from personas.models import Persona
from tests.factories import PersonaFactory


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Élodie Garnier", "elodie garnier"),
        ("ÉCOLE", "ecole"),
        ("Œuvre Ça", "oeuvre ca"),
        ("straße", "strasse"),
        ("Ñandú", "nandu"),
        ("", ""),
    ],
)
def test_fold_drops_accents_and_case(written, folded):
    assert fold(written) == folded


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["elodie", "ÉLODIE", "Élo", "garni", "ELODIE G"])
def test_database_search_finds_accented_names_whatever_is_typed(typed, workspace):
    elodie = PersonaFactory(workspace=workspace, name="Élodie Garnier")
    PersonaFactory(workspace=workspace, name="Marc Dupont")

    found = Persona.objects.filter(folded_search(typed, "name"))

    assert list(found) == [elodie]


@pytest.mark.django_db
def test_database_search_finds_plain_text_typed_with_accents(workspace):
    cafe = PersonaFactory(workspace=workspace, name="Cafe owner", role="Boss")

    assert list(Persona.objects.filter(folded_search("CAFÉ", "role", "name"))) == [cafe]


@pytest.mark.django_db
def test_percent_and_underscore_are_plain_characters(workspace):
    PersonaFactory(workspace=workspace, name="Élodie")
    rate = PersonaFactory(workspace=workspace, name="Buyer 100%")

    assert list(Persona.objects.filter(folded_search("%", "name"))) == [rate]
    assert not Persona.objects.filter(folded_search("_", "name")).exists()


def test_persona_search_forgives_accents(client, viewer, workspace):
    PersonaFactory(workspace=workspace, name="Élodie Garnier")
    PersonaFactory(workspace=workspace, name="Marc Dupont")
    client.force_login(viewer)

    html = client.get(reverse("personas:list", args=[workspace.slug]), {"q": "elodie"}).content

    assert "Élodie Garnier" in html.decode()
    assert "Marc Dupont" not in html.decode()

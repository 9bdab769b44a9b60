"""Requests no browser would send, answered without a 5xx: NUL characters in queries and
forms (PostgreSQL refuses them in text), on the pages the audit found them breaking."""

import pytest
from django.urls import reverse

from tests.maps.helpers import url

pytestmark = pytest.mark.django_db


def test_a_nul_in_the_personas_search_finds_nothing_rather_than_breaking(client, viewer, workspace):
    client.force_login(viewer)

    response = client.get(reverse("personas:list", args=[workspace.slug]), {"q": "Cl\x00aire"})

    assert response.status_code == 200


def test_a_nul_in_the_member_suggestions_is_ignored(client, commenter, workspace):
    client.force_login(commenter)

    response = client.get(
        reverse("workspaces:mention_suggestions", args=[workspace.slug]), {"q": "\x00"}
    )

    assert response.status_code == 200
    assert "members" in response.json()


def test_a_nul_in_a_persona_key_of_the_map_is_ignored(client, viewer, journey):
    client.force_login(viewer)

    response = client.get(url(journey, "detail"), {"persona": "\x00", "card": "1\x00"})

    assert response.status_code == 200


def test_a_nul_in_a_posted_name_is_taken_out(client, editor, journey):
    client.force_login(editor)

    response = client.post(url(journey, "stage_add"), {"name": "Sho\x00pping"})

    assert response.status_code < 500
    assert journey.stages.filter(name="Shopping").exists()

import pytest
from django.urls import reverse

from tests.factories import JourneyFactory


def test_an_outsider_sees_a_helpful_404_page(client, outsider, workspace):
    journey = JourneyFactory(workspace=workspace)
    client.force_login(outsider)
    response = client.get(journey.get_absolute_url())
    assert response.status_code == 404
    assert "not yours to see" in response.content.decode()


def test_a_member_without_the_role_sees_a_403_page_naming_the_reason(client, viewer, workspace):
    client.force_login(viewer)
    response = client.post(reverse("journeys:create", args=[workspace.slug]), {"title": "New"})
    assert response.status_code == 403
    assert "Your role does not allow this" in response.content.decode()


@pytest.mark.django_db
def test_a_404_page_speaks_french(client):
    response = client.get("/nowhere/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 404
    assert '<html lang="fr"' in response.content.decode()

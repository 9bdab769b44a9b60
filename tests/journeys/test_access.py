"""Who may reach the journey pages: outsiders get 404, wrong roles 403, strangers log in."""

import pytest
from django.urls import reverse

from journeys.models import Journey
from tests.factories import JourneyFactory

READERS = ["owner", "editor", "commenter", "viewer"]


def page_urls(journey) -> dict[str, str]:
    slug = journey.workspace.slug
    return {
        "list": reverse("journeys:list", args=[slug]),
        "detail": reverse("journeys:detail", args=[slug, journey.pk]),
        "json": reverse("journeys:export", args=[slug, journey.pk, "json"]),
        "csv": reverse("journeys:export", args=[slug, journey.pk, "csv"]),
    }


@pytest.mark.parametrize("role", READERS)
@pytest.mark.parametrize("page", ["list", "detail", "json", "csv"])
def test_every_member_reads_and_exports(client, request, journey, role, page):
    client.force_login(request.getfixturevalue(role))

    assert client.get(page_urls(journey)[page]).status_code == 200


@pytest.mark.parametrize("page", ["list", "detail", "json", "csv"])
def test_outsider_gets_not_found(client, outsider, journey, page):
    client.force_login(outsider)

    assert client.get(page_urls(journey)[page]).status_code == 404


@pytest.mark.parametrize("page", ["list", "detail", "json", "csv"])
def test_anonymous_visitor_is_sent_to_log_in(client, journey, page):
    url = page_urls(journey)[page]

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"


@pytest.mark.parametrize("action", ["create", "import"])
def test_anonymous_visitor_cannot_post(client, workspace, action):
    response = client.post(reverse(f"journeys:{action}", args=[workspace.slug]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_journey_of_another_workspace_is_not_found_through_mine(client, owner, workspace):
    elsewhere = JourneyFactory()
    client.force_login(owner)

    response = client.get(reverse("journeys:detail", args=[workspace.slug, elsewhere.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("role", ["viewer", "commenter"])
@pytest.mark.parametrize("action", ["create", "import"])
def test_reader_cannot_create_or_import(client, request, workspace, role, action):
    client.force_login(request.getfixturevalue(role))

    response = client.post(
        reverse(f"journeys:{action}", args=[workspace.slug]), {"title": "Mine now"}
    )

    assert response.status_code == 403
    assert not Journey.objects.exists()


@pytest.mark.parametrize("action", ["create", "import"])
def test_outsider_cannot_create_or_import(client, outsider, workspace, action):
    client.force_login(outsider)

    response = client.post(
        reverse(f"journeys:{action}", args=[workspace.slug]), {"title": "Mine now"}
    )

    assert response.status_code == 404


def test_viewer_sees_no_create_or_import_form(client, viewer, workspace):
    client.force_login(viewer)

    html = client.get(reverse("journeys:list", args=[workspace.slug])).content.decode()

    assert 'id="new_journey"' not in html
    assert 'id="import_journey"' not in html


def test_editor_sees_create_and_import_forms(client, editor, workspace):
    client.force_login(editor)

    html = client.get(reverse("journeys:list", args=[workspace.slug])).content.decode()

    assert 'id="new_journey"' in html
    assert 'id="import_journey"' in html
    assert "Journey file (.json)" in html


def test_pages_only_answer_the_right_methods(client, editor, journey):
    client.force_login(editor)
    urls = page_urls(journey)

    assert client.post(urls["list"]).status_code == 405
    assert client.post(urls["detail"]).status_code == 405
    assert client.get(reverse("journeys:create", args=[journey.workspace.slug])).status_code == 405

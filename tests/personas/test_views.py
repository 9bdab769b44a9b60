import pytest
from django.urls import reverse

from tests.factories import JourneyPersonaFactory, PersonaFactory, WorkspaceFactory

READERS = ["owner", "editor", "commenter", "viewer"]


@pytest.fixture
def persona(workspace):
    return PersonaFactory(
        workspace=workspace,
        name="Léa Martin",
        role="Project manager",
        age=29,
        quote="If I must create an account to pay, I give up.",
        bio="Lives in Lyon.",
        goals=["A good jacket under €150", "Delivered by Saturday"],
        frustrations=["Shipping costs found at the end"],
        needs=["Reviews with photos"],
        preferred_channels=["Instagram", "Mobile app"],
    )


def persona_urls(persona) -> dict[str, str]:
    slug = persona.workspace.slug
    return {
        "list": reverse("personas:list", args=[slug]),
        "detail": reverse("personas:detail", args=[slug, persona.pk]),
    }


@pytest.mark.parametrize("role", READERS)
@pytest.mark.parametrize("page", ["list", "detail"])
def test_every_member_reads_personas(client, request, persona, role, page):
    client.force_login(request.getfixturevalue(role))

    assert client.get(persona_urls(persona)[page]).status_code == 200


@pytest.mark.parametrize("page", ["list", "detail"])
def test_outsider_gets_not_found(client, outsider, persona, page):
    client.force_login(outsider)

    assert client.get(persona_urls(persona)[page]).status_code == 404


@pytest.mark.parametrize("page", ["list", "detail"])
def test_anonymous_visitor_is_sent_to_log_in(client, persona, page):
    url = persona_urls(persona)[page]

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"


def test_persona_of_another_workspace_is_not_found_through_mine(client, viewer, workspace):
    elsewhere = PersonaFactory(workspace=WorkspaceFactory())
    client.force_login(viewer)

    response = client.get(reverse("personas:detail", args=[workspace.slug, elsewhere.pk]))

    assert response.status_code == 404


def test_detail_url_is_the_personas_absolute_url(persona):
    assert persona_urls(persona)["detail"] == persona.get_absolute_url()


def test_personas_page_shows_cards_and_the_journeys_each_appears_in(client, viewer, persona):
    link = JourneyPersonaFactory(
        persona=persona, journey__workspace=persona.workspace, journey__title="Buy a jacket"
    )
    PersonaFactory(workspace=WorkspaceFactory(), name="Someone else")
    client.force_login(viewer)

    html = client.get(persona_urls(persona)["list"]).content.decode()

    assert "Léa Martin" in html
    assert "Project manager" in html
    assert "29 years old" in html
    assert persona.quote in html
    assert "Someone else" not in html
    map_url = reverse("journeys:detail", args=[persona.workspace.slug, link.journey_id])
    assert f'href="{map_url}?persona={link.key}"' in html
    assert "Buy a jacket" in html


@pytest.mark.parametrize("personas", [2, 12])
def test_personas_page_queries_do_not_grow_with_personas(
    client, django_assert_num_queries, viewer, workspace, personas
):
    for _ in range(personas):
        JourneyPersonaFactory(journey__workspace=workspace)
    client.force_login(viewer)

    # 1. the session, 2. the user, 3. the membership with its workspace, 4. the personas,
    # 5. their journeys (prefetch through journey_links), 6. the switcher's workspaces.
    with django_assert_num_queries(6):
        client.get(reverse("personas:list", args=[workspace.slug]))


def test_persona_page_shows_the_whole_profile(client, viewer, persona):
    JourneyPersonaFactory(persona=persona, journey__workspace=persona.workspace)
    client.force_login(viewer)

    response = client.get(persona_urls(persona)["detail"])

    html = response.content.decode()
    assert "<h1>Léa Martin</h1>" in html
    for text in [
        "Lives in Lyon.",
        "A good jacket under €150",
        "Shipping costs found at the end",
        "Reviews with photos",
        "Instagram",
        "Mobile app",
        persona.quote,
    ]:
        assert text in html
    assert len(response.context["journey_links"]) == 1


def test_empty_workspace_says_where_personas_come_from(client, viewer, workspace):
    client.force_login(viewer)

    html = client.get(reverse("personas:list", args=[workspace.slug])).content.decode()

    assert "No personas yet" in html


def test_persona_page_queries_do_not_grow_with_journeys(
    client, django_assert_num_queries, viewer, persona
):
    for _ in range(5):
        JourneyPersonaFactory(persona=persona, journey__workspace=persona.workspace)
    client.force_login(viewer)

    # 1. the session, 2. the user, 3. the membership with its workspace, 4. the persona,
    # 5. its journeys (with each journey), 6. the switcher's workspaces.
    with django_assert_num_queries(6):
        client.get(persona_urls(persona)["detail"])

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from tests.factories import JourneyPersonaFactory, PersonaFactory, WorkspaceFactory
from tests.htmx import assert_fragment, hx_target
from tests.personas.images import image_bytes

READERS = ["owner", "editor", "commenter", "viewer"]


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


@pytest.mark.usefixtures("storage")
@pytest.mark.parametrize("personas", [2, 12])
@pytest.mark.parametrize("query", ["", "persona"])
def test_personas_page_queries_do_not_grow_with_personas(
    client, django_assert_num_queries, editor, workspace, personas, query
):
    for n in range(personas):
        link = JourneyPersonaFactory(journey__workspace=workspace)
        if n % 2:  # half of them with a photo, which must not cost a query each
            link.persona.photo.save("me.jpg", ContentFile(image_bytes()))
    client.force_login(editor)

    # 1. the session, 2. the user, 3. the membership with its workspace,
    # 4. the personas matching the search (with their workspace, for the photo URLs),
    # 5. their journeys (prefetch through journey_links), 6. the switcher's workspaces.
    with django_assert_num_queries(6):
        response = client.get(reverse("personas:list", args=[workspace.slug]), {"q": query})

    assert len(response.context["personas"]) == personas


def test_search_finds_personas_by_name_or_role_ignoring_case(client, viewer, workspace):
    for name, role in [
        ("Léa Martin", "Project manager"),
        ("Marc Petit", "Student"),
        ("Sam Roux", "Retired teacher"),
    ]:
        PersonaFactory(workspace=workspace, name=name, role=role)
    client.force_login(viewer)
    url = reverse("personas:list", args=[workspace.slug])

    def found(query):
        return [p.name for p in client.get(url, {"q": query}).context["personas"]]

    assert found("MART") == ["Léa Martin"]
    assert found("teach") == ["Sam Roux"]
    assert found("  ") == ["Léa Martin", "Marc Petit", "Sam Roux"]
    assert found("nobody") == []


def test_search_as_you_type_swaps_only_the_cards(client, viewer, persona):
    client.force_login(viewer)

    response = client.get(
        reverse("personas:list", args=[persona.workspace.slug]),
        {"q": "nobody"},
        **hx_target("persona_cards"),
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="persona_cards"')
    assert_fragment(html)
    assert "0 personas match “nobody”." in html


def test_persona_card_is_a_printable_page(client, viewer, persona):
    client.force_login(viewer)

    response = client.get(reverse("personas:card", args=[persona.workspace.slug, persona.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        persona.quote,
        "A good jacket under €150",
        "Shipping costs found at the end",
        "Reviews with photos",
        "Instagram",
        "print.js",
    ]:
        assert text in html


def test_journey_map_shows_the_chosen_personas_header(client, viewer, persona):
    link = JourneyPersonaFactory(persona=persona, journey__workspace=persona.workspace)
    client.force_login(viewer)

    html = client.get(
        reverse("journeys:detail", args=[persona.workspace.slug, link.journey_id])
    ).content.decode()

    assert 'class="persona-header"' in html
    assert persona.quote in html
    assert "Top goal</span> A good jacket under €150" in html
    assert "Top frustration</span> Shipping costs found at the end" in html
    assert reverse("personas:card", args=[persona.workspace.slug, persona.pk]) in html


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
    # 5. its journeys (with each journey and its touchpoint count), 6. the switcher's workspaces.
    with django_assert_num_queries(6):
        client.get(persona_urls(persona)["detail"])


def test_persona_page_for_an_editor_costs_one_more_query(
    client, django_assert_num_queries, editor, persona
):
    for _ in range(5):
        JourneyPersonaFactory(persona=persona, journey__workspace=persona.workspace)
    client.force_login(editor)

    # As for a viewer, plus 7. the journeys the persona could be added to.
    with django_assert_num_queries(7):
        client.get(persona_urls(persona)["detail"])

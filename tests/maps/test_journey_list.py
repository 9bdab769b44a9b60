import pytest
from django.urls import reverse

from journeys.models import Activity, Journey
from tests.factories import JourneyFactory, WorkspaceFactory, build_map
from tests.htmx import HTMX, assert_fragment, assert_full_page, hx_target


def list_url(workspace) -> str:
    return reverse("journeys:list", args=[workspace.slug])


def test_journeys_page_shows_each_journey_with_its_counts(client, viewer, workspace):
    journey = build_map(workspace, cards=4, title="Buy a drill")
    client.force_login(viewer)

    response = client.get(list_url(workspace))

    html = response.content.decode()
    assert f'href="{journey.get_absolute_url()}"' in html
    assert "Buy a drill" in html
    row = response.context["journeys"][0]
    assert (row.stage_count, row.channel_count, row.touchpoint_count) == (3, 2, 4)
    # One open and one resolved friction per card: only the open ones count.
    assert row.open_friction_count == 4
    for link in journey.journey_personas.all():
        assert link.persona.name in html


def test_journeys_page_lists_only_this_workspace(client, viewer, workspace):
    JourneyFactory(workspace=workspace, title="Ours")
    JourneyFactory(workspace=WorkspaceFactory(), title="Theirs")
    client.force_login(viewer)

    html = client.get(list_url(workspace)).content.decode()

    assert "Ours" in html
    assert "Theirs" not in html


def test_empty_workspace_explains_what_a_journey_is(client, editor, workspace):
    client.force_login(editor)

    html = client.get(list_url(workspace)).content.decode()

    assert "No journeys yet" in html


def test_editor_creates_a_journey_with_default_stages_and_channels(client, editor, workspace):
    client.force_login(editor)

    response = client.post(
        reverse("journeys:create", args=[workspace.slug]),
        {"title": "Buy a drill", "description": "From need to loyalty."},
    )

    journey = Journey.objects.get()
    assert response.status_code == 302
    assert response.url == journey.get_absolute_url()
    assert (journey.title, journey.description) == ("Buy a drill", "From need to loyalty.")
    assert journey.created_by == editor
    assert journey.stages.count() == 5
    assert journey.channels.count() == 7
    assert Activity.objects.filter(journey=journey, verb=Activity.Verb.CREATED).exists()
    assert "Buy a drill" in client.get(response.url).content.decode()


def test_journey_without_title_is_refused_inline(client, editor, workspace):
    client.force_login(editor)

    response = client.post(reverse("journeys:create", args=[workspace.slug]), {"title": " "})

    assert response.status_code == 400
    html = response.content.decode()
    assert_full_page(html)
    assert 'id="id_title_error"' in html
    assert 'aria-invalid="true"' in html
    assert not Journey.objects.exists()


def test_htmx_create_with_errors_swaps_only_the_form(client, editor, workspace):
    client.force_login(editor)

    response = client.post(
        reverse("journeys:create", args=[workspace.slug]),
        {"title": ""},
        **hx_target("new_journey"),
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert_fragment(html)
    assert html.lstrip().startswith('<section id="new_journey"')
    assert "This field is required." in html


def test_htmx_create_sends_the_browser_to_the_new_journey(client, editor, workspace):
    client.force_login(editor)

    response = client.post(
        reverse("journeys:create", args=[workspace.slug]),
        {"title": "Buy a drill"},
        **HTMX,
    )

    assert response.status_code == 200
    assert response["HX-Redirect"] == Journey.objects.get().get_absolute_url()


@pytest.mark.parametrize(
    ("language", "badge"), [("fr", "Français"), ("en", "English"), ("xx-unknown", "xx-unknown")]
)
def test_language_badge_names_the_language_in_its_own_words(
    client, viewer, workspace, language, badge
):
    JourneyFactory(workspace=workspace, language=language)
    client.force_login(viewer)

    html = client.get(list_url(workspace)).content.decode()

    assert f'title="{badge}"' in html

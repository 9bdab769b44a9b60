"""Creating, duplicating and deleting personas, adding them to journeys and taking them out,
and who may do it: editors and owners only, checked by the server whatever the page showed."""

import pytest
from django.urls import reverse

from journeys.models import Activity, JourneyPersona
from personas.models import Persona
from tests.factories import (
    JourneyFactory,
    JourneyPersonaFactory,
    PersonaFactory,
    TouchpointFactory,
    WorkspaceFactory,
    build_map,
)
from tests.htmx import hx_target
from tests.personas.images import image_bytes, upload


@pytest.fixture
def journey(workspace, persona):
    """A journey where `persona` has a lane with 3 touchpoints."""
    journey = build_map(workspace, cards=0, personas=0, title="Buy a jacket")
    journey.add_persona(persona)
    for _ in range(3):
        TouchpointFactory(
            journey=journey,
            persona=persona,
            stage=journey.stages.first(),
            channel=journey.channels.first(),
        )
    return journey


def write_requests(persona, journey, other_journey) -> dict[str, tuple[str, str, dict]]:
    """Every request that changes a persona: (method, url, data)."""
    slug, pk = persona.workspace.slug, persona.pk
    edit = reverse("personas:edit", args=[slug, pk])
    return {
        "create": ("post", reverse("personas:create", args=[slug]), {"name": "Forged"}),
        "open editor": ("get", edit, {}),
        "save": ("post", edit, {"name": "Forged", "colour": "#1d4ed8", "version": "1"}),
        "list button": ("post", edit, {"list_action": "goals:add", "version": "1"}),
        "upload photo": (
            "post",
            reverse("personas:photo_upload", args=[slug, pk]),
            {"photo": upload("me.jpg", image_bytes())},
        ),
        "remove photo": ("post", reverse("personas:photo_remove", args=[slug, pk]), {}),
        "duplicate": ("post", reverse("personas:duplicate", args=[slug, pk]), {}),
        "ask to delete": ("get", reverse("personas:delete", args=[slug, pk]), {}),
        "delete": ("post", reverse("personas:delete", args=[slug, pk]), {}),
        "add to journey": (
            "post",
            reverse("personas:journey_add", args=[slug, pk]),
            {"journey": other_journey.pk},
        ),
        "remove from journey": (
            "post",
            reverse("personas:journey_remove", args=[slug, pk, journey.pk]),
            {},
        ),
    }


WRITES = [
    "create",
    "open editor",
    "save",
    "list button",
    "upload photo",
    "remove photo",
    "duplicate",
    "ask to delete",
    "delete",
    "add to journey",
    "remove from journey",
]


@pytest.fixture
def other_journey(workspace):
    return JourneyFactory(workspace=workspace, title="Return a jacket")


def snapshot(workspace):
    return (
        list(Persona.objects.filter(workspace=workspace).values()),
        list(JourneyPersona.objects.filter(journey__workspace=workspace).values()),
        list(Activity.objects.values()),
    )


@pytest.mark.usefixtures("storage")
@pytest.mark.parametrize("role", ["commenter", "viewer"])
@pytest.mark.parametrize("write", WRITES)
def test_commenters_and_viewers_are_refused_even_with_a_forged_request(
    client, request, persona, journey, other_journey, workspace, role, write
):
    client.force_login(request.getfixturevalue(role))
    method, url, data = write_requests(persona, journey, other_journey)[write]
    before = snapshot(workspace)

    response = getattr(client, method)(url, data)

    assert response.status_code == 403
    assert snapshot(workspace) == before


@pytest.mark.usefixtures("storage")
@pytest.mark.parametrize("write", WRITES)
def test_outsiders_do_not_learn_the_persona_exists(
    client, outsider, persona, journey, other_journey, workspace, write
):
    client.force_login(outsider)
    method, url, data = write_requests(persona, journey, other_journey)[write]
    before = snapshot(workspace)

    response = getattr(client, method)(url, data)

    assert response.status_code == 404
    assert snapshot(workspace) == before


@pytest.mark.parametrize("role", ["editor", "owner"])
def test_editors_and_owners_open_the_editor(client, request, persona, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(reverse("personas:edit", args=[persona.workspace.slug, persona.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize("role", ["commenter", "viewer"])
def test_readers_see_no_editing_controls(client, request, persona, journey, role):
    client.force_login(request.getfixturevalue(role))

    pages = [reverse("personas:list", args=[persona.workspace.slug]), persona.get_absolute_url()]
    for url in pages:
        html = client.get(url).content.decode()
        assert "/edit/" not in html
        assert "/duplicate/" not in html
        assert "/delete/" not in html
        assert "New persona" not in html
        assert "Remove from journey" not in html


# Creating --------------------------------------------------------------------------------------


def test_editor_creates_a_persona_and_lands_in_its_editor(client, editor, workspace):
    client.force_login(editor)

    response = client.post(
        reverse("personas:create", args=[workspace.slug]), {"name": "Sam", "role": "Student"}
    )

    persona = Persona.objects.get()
    assert (persona.workspace, persona.name, persona.role, persona.version) == (
        workspace,
        "Sam",
        "Student",
        1,
    )
    assert persona.colour
    assert response.url == reverse("personas:edit", args=[workspace.slug, persona.pk])
    assert Activity.objects.get().verb == "created"


def test_persona_without_a_name_is_explained_in_place(client, editor, workspace):
    client.force_login(editor)

    response = client.post(
        reverse("personas:create", args=[workspace.slug]),
        {"name": "  ", "role": "Student"},
        **hx_target("new_persona"),
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="new_persona"')
    assert "This field is required." in html
    assert not Persona.objects.exists()


# Duplicating -----------------------------------------------------------------------------------


def test_duplicate_copies_every_field_but_no_journey(client, editor, persona, journey):
    client.force_login(editor)

    response = client.post(reverse("personas:duplicate", args=[persona.workspace.slug, persona.pk]))

    copy = Persona.objects.exclude(pk=persona.pk).get()
    assert copy.name == "Léa Martin (copy)"
    for field in [
        "role",
        "age",
        "quote",
        "bio",
        "goals",
        "frustrations",
        "needs",
        "preferred_channels",
        "colour",
    ]:
        assert getattr(copy, field) == getattr(persona, field)
    assert copy.version == 1
    assert not copy.journey_links.exists()
    assert response.url == reverse("personas:edit", args=[persona.workspace.slug, copy.pk])


def test_duplicate_is_named_in_the_language_of_the_page(client, editor, persona):
    client.force_login(editor)

    client.post(
        reverse("personas:duplicate", args=[persona.workspace.slug, persona.pk]),
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert Persona.objects.filter(name="Léa Martin (copie)").exists()


# Deleting --------------------------------------------------------------------------------------


def test_delete_asks_first_and_names_the_journeys_that_lose_a_lane(
    client, editor, persona, journey
):
    empty = JourneyFactory(workspace=persona.workspace, title="Compare jackets")
    empty.add_persona(persona)
    client.force_login(editor)

    response = client.get(reverse("personas:delete", args=[persona.workspace.slug, persona.pk]))

    html = response.content.decode()
    assert "Delete Léa Martin?" in html
    assert "This persona has a lane in 2 journeys" in html
    assert "Buy a jacket" in html
    assert "3 touchpoints deleted" in html
    assert "Compare jackets" in html
    assert "0 touchpoints deleted" in html
    assert Persona.objects.filter(pk=persona.pk).exists()


def test_delete_takes_the_lanes_and_touchpoints_and_keeps_the_journeys(
    client, editor, persona, journey
):
    other = PersonaFactory(workspace=persona.workspace)
    journey.add_persona(other)
    TouchpointFactory(
        journey=journey,
        persona=other,
        stage=journey.stages.first(),
        channel=journey.channels.first(),
    )
    client.force_login(editor)

    response = client.post(reverse("personas:delete", args=[persona.workspace.slug, persona.pk]))

    assert response.url == reverse("personas:list", args=[persona.workspace.slug])
    assert not Persona.objects.filter(pk=persona.pk).exists()
    assert list(journey.personas.all()) == [other]
    assert journey.touchpoints.count() == 1
    activity = Activity.objects.get(verb="deleted")
    assert (activity.object_type, activity.object_id, activity.object_label) == (
        "persona",
        persona.pk,
        "Léa Martin",
    )


# Journeys, from the persona's side -------------------------------------------------------------


def test_editor_adds_the_persona_to_a_journey(client, editor, persona, journey, other_journey):
    client.force_login(editor)

    response = client.post(
        reverse("personas:journey_add", args=[persona.workspace.slug, persona.pk]),
        {"journey": other_journey.pk},
        **hx_target("persona_journeys"),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="persona_journeys"')
    assert "Léa Martin now has a lane in “Return a jacket”." in html
    link = JourneyPersona.objects.get(journey=other_journey, persona=persona)
    assert link.key == "lea-martin"
    assert f"?persona={link.key}" in html
    assert Activity.objects.get(journey=other_journey).verb == "created"


def test_journey_select_offers_only_journeys_without_the_persona(
    client, editor, persona, journey, other_journey
):
    JourneyFactory(workspace=WorkspaceFactory(), title="Someone else's journey")
    client.force_login(editor)

    form = client.get(persona.get_absolute_url()).context["add_form"]

    assert [title for _pk, title in form.fields["journey"].choices] == ["Return a jacket"]


@pytest.mark.parametrize("which", ["already in", "other workspace", "not a number"])
def test_forged_journey_is_refused(client, editor, persona, journey, which):
    choice = {
        "already in": journey.pk,
        "other workspace": JourneyFactory(workspace=WorkspaceFactory()).pk,
        "not a number": "DROP TABLE",
    }[which]
    client.force_login(editor)

    response = client.post(
        reverse("personas:journey_add", args=[persona.workspace.slug, persona.pk]),
        {"journey": choice},
    )

    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert JourneyPersona.objects.count() == 1


def test_removing_from_a_journey_asks_first_with_the_touchpoint_count(
    client, editor, persona, journey
):
    client.force_login(editor)

    html = client.get(persona.get_absolute_url()).content.decode()

    assert "Léa Martin’s lane leaves this journey, with its 3 touchpoints." in html
    assert "<details" in html


def test_editor_removes_the_persona_from_a_journey(client, editor, persona, journey):
    client.force_login(editor)

    response = client.post(
        reverse("personas:journey_remove", args=[persona.workspace.slug, persona.pk, journey.pk])
    )

    assert response.url == persona.get_absolute_url()
    assert not journey.personas.exists()
    assert not journey.touchpoints.exists()
    assert Activity.objects.get(journey=journey).verb == "deleted"
    html = client.get(response.url).content.decode()
    assert "Léa Martin left “Buy a jacket”; 3 touchpoints were deleted." in html


def test_removing_from_a_journey_the_persona_is_not_in_is_not_found(
    client, editor, persona, other_journey
):
    client.force_login(editor)

    response = client.post(
        reverse(
            "personas:journey_remove", args=[persona.workspace.slug, persona.pk, other_journey.pk]
        )
    )

    assert response.status_code == 404


def test_removing_from_another_workspaces_journey_is_not_found(client, editor, persona):
    elsewhere = JourneyPersonaFactory(journey__workspace=WorkspaceFactory())
    client.force_login(editor)

    response = client.post(
        reverse(
            "personas:journey_remove",
            args=[persona.workspace.slug, persona.pk, elsewhere.journey_id],
        )
    )

    assert response.status_code == 404
    assert JourneyPersona.objects.filter(pk=elsewhere.pk).exists()

import pytest
from django.urls import reverse
from django.utils import translation

from journeys.models import Journey
from tests.factories import WorkspaceFactory

FRENCH_STAGES = [
    "Prise de conscience",
    "Considération",
    "Achat",
    "Service après-vente",
    "Fidélisation",
]
ENGLISH_STAGES = ["Awareness", "Consideration", "Purchase", "After-sales", "Loyalty"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "stages", "first_channels"),
    [
        ("fr", FRENCH_STAGES, ["Site web", "Application mobile", "Magasin"]),
        ("en", ENGLISH_STAGES, ["Website", "Mobile app", "Store"]),
    ],
)
def test_default_stages_and_channels_follow_the_workspace_language(
    language, stages, first_channels
):
    workspace = WorkspaceFactory(language=language)
    # The person creating the journey reads the interface in the other language.
    with translation.override("en" if language == "fr" else "fr"):
        journey = Journey.create_with_defaults(workspace, "Nouveau parcours")

    assert [stage.name for stage in journey.stages.all()] == stages
    assert [stage.position for stage in journey.stages.all()] == [0, 1, 2, 3, 4]
    channels = list(journey.channels.all())
    assert [channel.name for channel in channels][:3] == first_channels
    assert len(channels) == 7
    assert journey.language == language


@pytest.mark.django_db
def test_the_language_chosen_for_a_journey_names_its_stages_whatever_the_workspaces(client):
    workspace = WorkspaceFactory(language="fr")
    journey = Journey.create_with_defaults(workspace, "Buy a drill", language="en")

    assert [stage.name for stage in journey.stages.all()] == ENGLISH_STAGES
    assert journey.language == "en"


@pytest.mark.parametrize(("interface", "stages"), [("en", ENGLISH_STAGES), ("fr", FRENCH_STAGES)])
def test_new_journey_form_defaults_to_the_creators_interface_language(
    client, editor, workspace, interface, stages
):
    # The workspace says French; the creator reads English (or French): the creator wins.
    workspace.language = "fr"
    workspace.save()
    client.force_login(editor)
    url = reverse("journeys:list", args=[workspace.slug])

    form = client.get(url, HTTP_ACCEPT_LANGUAGE=interface).context["journey_form"]
    assert form["language"].value() == interface
    client.post(
        reverse("journeys:create", args=[workspace.slug]),
        {"title": "Buy a drill", "language": interface},
        HTTP_ACCEPT_LANGUAGE=interface,
    )

    journey = Journey.objects.get()
    assert [stage.name for stage in journey.stages.all()] == stages


def test_a_post_without_a_language_takes_the_interfaces(client, editor, workspace):
    client.force_login(editor)

    client.post(
        reverse("journeys:create", args=[workspace.slug]),
        {"title": "Acheter une perceuse"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert Journey.objects.get().stages.first().name == "Prise de conscience"

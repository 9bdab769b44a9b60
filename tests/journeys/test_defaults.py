import pytest
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

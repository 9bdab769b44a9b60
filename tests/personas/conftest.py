import pytest

from tests.factories import PersonaFactory


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

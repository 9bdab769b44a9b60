import pytest
from django.core.files.storage import default_storage

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


@pytest.fixture
def storage(settings):
    """Uploads kept in memory for the test, so what was stored (or not) can be listed."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    return default_storage


def stored_files(storage, path: str = "") -> list[str]:
    """Every file in `storage`, with its path."""
    try:
        directories, files = storage.listdir(path)
    except FileNotFoundError:
        return []
    found = [f"{path}{name}" for name in files]
    for directory in directories:
        found += stored_files(storage, f"{path}{directory}/")
    return found

import pytest


@pytest.fixture
def signed_in(client, editor):
    """The test client, logged in as an editor of the workspace."""
    client.force_login(editor)
    return client

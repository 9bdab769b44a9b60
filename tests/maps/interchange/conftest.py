import json

import pytest

from tests.maps.helpers import DEMO_DIR


@pytest.fixture
def document() -> dict:
    """A valid journey file with two personas and comments, as a dict to spoil."""
    return json.loads((DEMO_DIR / "fr-bricolage-deux-personas.json").read_text(encoding="utf-8"))

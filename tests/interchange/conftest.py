import json
from pathlib import Path

import pytest

DEMO_DIR = Path(__file__).resolve().parents[2] / "maps" / "demo"
DEMO_FILES = sorted(DEMO_DIR.glob("*.json"))


def encode(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


@pytest.fixture
def document() -> dict:
    """A valid journey file with two personas and comments, as a dict to spoil."""
    return json.loads((DEMO_DIR / "fr-bricolage-deux-personas.json").read_text(encoding="utf-8"))

"""Helpers of the maps tests: the URLs of a journey's map, and the journey files to import."""

import json
from pathlib import Path

from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]

# The demo journey files shipped with the app (maps/demo), and the one most tests import.
DEMO_DIR = ROOT / "maps" / "demo"
DEMO_FILES = sorted(DEMO_DIR.glob("*.json"))
DEMO_FILE = DEMO_DIR / "fr-mode-en-ligne.json"

# Journeys written outside the team, in ../shared/fixtures beside this clone (when it is there).
SHARED_FIXTURES = sorted((ROOT.parent / "shared" / "fixtures").glob("*.json"))


def url(journey, name: str, *args) -> str:
    """The URL named `journeys:<name>` of `journey`, with `args` after the journey's own."""
    return reverse(f"journeys:{name}", args=[journey.workspace.slug, journey.pk, *args])


def persona_key(journey) -> str:
    return journey.journey_personas.first().key


def encode(document: dict) -> bytes:
    """A journey file's bytes, as a person would save it."""
    return json.dumps(document, ensure_ascii=False, indent=2).encode()

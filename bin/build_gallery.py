"""Writes the template gallery's journey files (versions/templates_gallery/) from the sources
in bin/gallery/, one per journey, each holding its French and English words side by side:
`.venv/bin/python bin/build_gallery.py`. The files are committed; the app only reads them.

A source module defines JOURNEY, a dict:
    slug; title/description: {"en": ..., "fr": ...}
    stages: [(key, en name, fr name, en description, fr description)]
    channels: [(key, en name, fr name)]
    teams: {code: (en, fr)}
    personas: [{"key", "age", "channels", "en": {...}, "fr": {...}}] with name, role, quote,
              bio, goals, frustrations, needs in each language
    cards: [(persona index, stage, channel, emotion, team, en title, en description,
             fr title, fr description)]
    frictions: [(card number from 1, severity, status, en title, en description, fr title,
                 fr description, [(author, en body, fr body, ISO time)])]
"""

import importlib
import json
import pkgutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "versions" / "templates_gallery"
EXPORTED_AT = "2026-11-29T08:00:00Z"
LANGUAGES = ("en", "fr")


def document(journey: dict, language: str) -> dict:
    lang = LANGUAGES.index(language)
    return {
        "format": "parcours.journey",
        "version": 1,
        "language": language,
        "exported_at": EXPORTED_AT,
        "journey": {
            "title": journey["title"][language],
            "description": journey["description"][language],
        },
        "stages": [
            {"key": key, "name": names[lang], "description": names[2 + lang]}
            for key, *names in journey["stages"]
        ],
        "channels": [{"key": key, "name": names[lang]} for key, *names in journey["channels"]],
        "personas": [
            {
                "key": persona["key"],
                "name": persona[language]["name"],
                "role": persona[language]["role"],
                "age": persona["age"],
                "quote": persona[language]["quote"],
                "bio": persona[language]["bio"],
                "goals": persona[language]["goals"],
                "frustrations": persona[language]["frustrations"],
                "needs": persona[language]["needs"],
                "channels": persona["channels"],
            }
            for persona in journey["personas"]
        ],
        "touchpoints": [
            {
                "key": f"t{number}",
                "persona": journey["personas"][persona]["key"],
                "stage": stage,
                "channel": channel,
                "title": texts[2 * lang],
                "description": texts[2 * lang + 1],
                "emotion": emotion,
                "owner": journey["teams"][team][lang],
            }
            for number, (persona, stage, channel, emotion, team, *texts) in enumerate(
                journey["cards"], 1
            )
        ],
        "frictions": [
            {
                "touchpoint": f"t{card}",
                "title": texts[2 * lang],
                "description": texts[2 * lang + 1],
                "severity": severity,
                "status": status,
                "comments": [
                    {"author": author, "body": bodies[lang], "created_at": when}
                    for author, *bodies, when in comments
                ],
            }
            for card, severity, status, *texts, comments in journey["frictions"]
        ],
    }


def main() -> None:
    sys.path.insert(0, str(ROOT))
    package = importlib.import_module("bin.gallery")
    for module_info in pkgutil.iter_modules(package.__path__):
        journey = importlib.import_module(f"bin.gallery.{module_info.name}").JOURNEY
        for language in LANGUAGES:
            path = OUT / f"{language}-{journey['slug']}.json"
            text = json.dumps(document(journey, language), ensure_ascii=False, indent=2)
            path.write_text(text + "\n", encoding="utf-8")
            print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()

"""Synthetic journey files of any size, in the `parcours.journey` v1 format."""

import json
import random

from core.limits import NOTES_PER_CARD

SEVERITIES = ["low", "medium", "high", "critical"]
STATUSES = ["open", "in_progress", "resolved"]


def journey_document(
    cards: int,
    stages: int = 8,
    channels: int = 8,
    personas: int = 2,
    frictions: int = 200,
    seed: int = 7,
) -> dict:
    rng = random.Random(seed)
    stage_keys = [f"s{i}" for i in range(stages)]
    channel_keys = [f"c{i}" for i in range(channels)]
    persona_keys = [f"p{i}" for i in range(personas)]
    touchpoints = [
        {
            "key": f"t{i}",
            "persona": persona_keys[i % personas],
            "stage": rng.choice(stage_keys),
            "channel": rng.choice(channel_keys),
            "title": f"Touchpoint {i} — vérifie la disponibilité en magasin",
            "description": "A realistic sentence or two about what happens at this moment.",
            "emotion": rng.randint(-2, 2),
            "owner": rng.choice(["Marketing", "Service client", "E-commerce"]),
        }
        for i in range(cards)
    ]
    return {
        "format": "parcours.journey",
        "version": 1,
        "language": "en",
        "exported_at": "2026-11-22T10:00:00Z",
        "journey": {"title": f"Benchmark journey ({cards} cards)", "description": "Synthetic."},
        "stages": [{"key": k, "name": f"Stage {k}", "description": ""} for k in stage_keys],
        "channels": [{"key": k, "name": f"Channel {k}"} for k in channel_keys],
        "personas": [
            {
                "key": k,
                "name": f"Persona {k}",
                "role": "Buyer",
                "age": 30 + i,
                "quote": "I want it simple.",
                "bio": "",
                "goals": ["Save time"],
                "frustrations": ["Waiting"],
                "needs": ["Clear prices"],
                "channels": channel_keys[:2],
            }
            for i, k in enumerate(persona_keys)
        ],
        "touchpoints": touchpoints,
        "frictions": [
            {
                "touchpoint": touchpoints[i % cards]["key"],
                "title": f"Friction {i}",
                "description": "Something hurts here.",
                "severity": rng.choice(SEVERITIES),
                "status": rng.choice(STATUSES),
                "comments": [
                    {"author": "Sam", "body": "Seen it.", "created_at": "2026-11-20T10:00:00Z"}
                ],
            }
            # Spread over the cards, never more on one than a card holds.
            for i in range(min(frictions, cards * NOTES_PER_CARD))
        ],
    }


def journey_file(cards: int, **kwargs) -> bytes:
    return json.dumps(journey_document(cards, **kwargs)).encode()

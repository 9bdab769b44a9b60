"""A version drawn by the map page's own grid and curve, read-only, straight from its file.

Nothing is written to show a version: the file's records become unsaved model instances
numbered in file order (their numbers only tie them together inside the page), grouped by
`maps.swimlanes.build_map` and drawn by the partials of `journeys/map.html` without their edit
controls. A card's panel is the version page's own (`?card=<number>`).
"""

import copy
from collections import defaultdict
from dataclasses import dataclass, field, replace

from journeys.channel_icons import LANE_COLOURS, icon_for
from journeys.models import Channel, Journey, JourneyPersona, Stage
from maps.curves import EmotionCurve, emotion_curve_for_map
from maps.interchange.importing import persona_from_file
from maps.swimlanes import JourneyMap, build_map, choose_persona
from touchpoints.models import SEVERITY_RANK, Severity, Status, Touchpoint


@dataclass
class VersionCard:
    """A card of the version with its friction notes, for the read-only card panel."""

    touchpoint: Touchpoint
    stage: Stage
    channel: Channel
    frictions: list[dict] = field(default_factory=list)


@dataclass
class VersionMap:
    """Everything of a version that the page shows."""

    journey_map: JourneyMap
    curve: EmotionCurve | None
    cards: dict[int, VersionCard]


def version_map(journey: Journey, document: dict, persona_key: str | None) -> VersionMap:
    """The map of `document` (a version of `journey`) for the persona keyed `persona_key`."""
    shown = copy.copy(journey)  # the journey's address, the version's own words
    shown.title = document["journey"]["title"]
    shown.description = document["journey"]["description"]
    shown.language = document["language"]
    stages = {
        entry["key"]: Stage(pk=n, journey=shown, position=n - 1, **_text(entry, "description"))
        for n, entry in enumerate(document["stages"], 1)
    }
    channels = {
        entry["key"]: Channel(
            pk=n,
            journey=shown,
            position=n - 1,
            icon=icon_for(entry["key"], entry["name"]),
            colour=LANE_COLOURS[(n - 1) % len(LANE_COLOURS)],
            **_text(entry),
        )
        for n, entry in enumerate(document["channels"], 1)
    }
    links = [_link(n, entry, channels) for n, entry in enumerate(document["personas"], 1)]
    by_key = {link.key: link for link in links}
    chosen = choose_persona(links, persona_key)
    frictions = defaultdict(list)
    for friction in document["frictions"]:
        words = {
            "severity_label": Severity(friction["severity"]).label,
            "status_label": Status(friction["status"]).label,
        }
        frictions[friction["touchpoint"]].append(friction | words)
    cards = {}
    for n, entry in enumerate(document["touchpoints"], 1):
        touchpoint = Touchpoint(
            pk=n,
            journey=shown,
            persona_id=by_key[entry["persona"]].persona_id,
            stage_id=stages[entry["stage"]].pk,
            channel_id=channels[entry["channel"]].pk,
            key=entry["key"],
            title=entry["title"],
            description=entry["description"],
            emotion=entry["emotion"],
            owner=entry["owner"],
        )
        _count_frictions(touchpoint, frictions[entry["key"]])
        cards[n] = VersionCard(
            touchpoint, stages[entry["stage"]], channels[entry["channel"]], frictions[entry["key"]]
        )
    stage_list, channel_list = list(stages.values()), list(channels.values())
    journey_map = JourneyMap(shown, stage_list, channel_list, links, chosen)
    mine = [card.touchpoint for card in cards.values() if chosen and _of(card, chosen)]
    journey_map.lanes, journey_map.stage_summaries = build_map(stage_list, channel_list, mine)
    curve = None
    if stage_list:
        curve = emotion_curve_for_map(shown, stage_list, links, chosen, journey_map.touchpoints())
        # The switch to every persona's curve fetches the journey's, not this version's.
        curve = replace(curve, can_compare=False)
    return VersionMap(journey_map, curve, cards)


def _of(card: VersionCard, chosen: JourneyPersona) -> bool:
    return card.touchpoint.persona_id == chosen.persona_id


def _text(entry: dict, *optional: str) -> dict:
    return {"key": entry["key"], "name": entry["name"]} | {name: entry[name] for name in optional}


def _link(n: int, entry: dict, channels: dict[str, Channel]) -> JourneyPersona:
    names = {key: channel.name for key, channel in channels.items()}
    # The file's colour too, as the import gives it: a version shows its personas as they were.
    persona = persona_from_file(entry, names, pk=n)
    return JourneyPersona(pk=n, persona=persona, key=entry["key"], position=n - 1)


def _count_frictions(touchpoint: Touchpoint, frictions: list[dict]) -> None:
    """What `maps.swimlanes.with_friction_counts` annotates, from the file's notes."""
    unresolved = [entry for entry in frictions if entry["status"] != Status.RESOLVED]
    touchpoint.open_friction_count = len(unresolved)
    touchpoint.worst_severity_rank = max(
        (SEVERITY_RANK[entry["severity"]] for entry in unresolved), default=None
    )

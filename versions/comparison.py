"""What changed between two journey files: an older one and a newer one.

Both sides are journey files (a version, the journey as it is now, or the other journey of an
as-is/to-be pair), so records are matched by their keys: a restore, a copy to a to-be and every
export keep them. Per stage of the newer side: the cards added, removed and changed (title,
emotion, cell), and the friction notes opened and resolved. A friction note has no key; it is
the same note when it is on the same card with the same title.

Metrics and verbatims (the evidence branch) add their changes through `STAGE_EXTRAS`: each
entry takes (older stage entries, newer stage entries, stage key) and gives a list of lines.
"""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from touchpoints.models import Emotion, Severity, Status

ADDED, REMOVED, CHANGED = "added", "removed", "changed"

# Later kinds of evidence add their per-stage changes here: f(old, new, stage_key) -> [str].
STAGE_EXTRAS: list[Callable[[dict, dict, str], list[str]]] = []


@dataclass
class CardChange:
    kind: str
    key: str
    title: str
    persona: str
    changes: list[str] = field(default_factory=list)


@dataclass
class FrictionChange:
    kind: str  # "opened" or "resolved"
    title: str
    card: str
    severity: str

    @property
    def severity_label(self) -> str:
        return Severity(self.severity).label


@dataclass
class StageChanges:
    key: str
    name: str
    status: str = ""  # ADDED or REMOVED when the stage itself came or went
    cards: list[CardChange] = field(default_factory=list)
    frictions: list[FrictionChange] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for card in self.cards if card.kind == kind)

    @property
    def opened(self) -> int:
        return sum(1 for friction in self.frictions if friction.kind == "opened")

    @property
    def resolved(self) -> int:
        return sum(1 for friction in self.frictions if friction.kind == "resolved")

    @property
    def changed_anything(self) -> bool:
        return bool(self.status or self.cards or self.frictions or self.extras)


@dataclass
class Comparison:
    older: dict
    newer: dict
    stages: list[StageChanges]
    structure: list[str]

    @property
    def totals(self) -> dict[str, int]:
        return {
            ADDED: sum(stage.count(ADDED) for stage in self.stages),
            REMOVED: sum(stage.count(REMOVED) for stage in self.stages),
            CHANGED: sum(stage.count(CHANGED) for stage in self.stages),
            "opened": sum(stage.opened for stage in self.stages),
            "resolved": sum(stage.resolved for stage in self.stages),
        }

    def change_list(self) -> list[str]:
        """Every change as a sentence, in the reader's language (the active one)."""
        lines = list(self.structure)
        for stage in self.stages:
            for card in stage.cards:
                lines.append(_card_sentence(stage, card))
            for friction in stage.frictions:
                lines.append(_friction_sentence(stage, friction))
            lines.extend(f"{stage.name}: {extra}" for extra in stage.extras)
        return lines


def compare(older: dict, newer: dict) -> Comparison:
    """The changes from the journey file `older` to `newer`."""
    stage_names = {entry["key"]: entry["name"] for entry in older["stages"]}
    stage_names |= {entry["key"]: entry["name"] for entry in newer["stages"]}
    stages = {key: StageChanges(key, stage_names[key]) for key in merged_stage_keys(older, newer)}
    old_keys = {entry["key"] for entry in older["stages"]}
    new_keys = {entry["key"] for entry in newer["stages"]}
    for key, stage in stages.items():
        stage.status = ADDED if key not in old_keys else REMOVED if key not in new_keys else ""
    _compare_cards(older, newer, stages)
    _compare_frictions(older, newer, stages)
    for key, stage in stages.items():
        for extra in STAGE_EXTRAS:
            stage.extras.extend(extra(older, newer, key))
    return Comparison(older, newer, list(stages.values()), _structure(older, newer))


def merged_stage_keys(older: dict, newer: dict) -> list[str]:
    """The newer side's stages in order, each stage only the older side has placed after the
    stage it followed there."""
    keys = [entry["key"] for entry in newer["stages"]]
    previous = None
    for entry in older["stages"]:
        if entry["key"] not in keys:
            keys.insert(keys.index(previous) + 1 if previous else 0, entry["key"])
        previous = entry["key"]
    return keys


def _names(document: dict, kind: str) -> dict[str, str]:
    return {entry["key"]: entry["name"] for entry in document[kind]}


def _cell(document: dict, card: dict) -> str:
    stages, channels = _names(document, "stages"), _names(document, "channels")
    return f"{channels[card['channel']]} · {stages[card['stage']]}"


def _compare_cards(older: dict, newer: dict, stages: dict[str, StageChanges]) -> None:
    old_cards = {card["key"]: card for card in older["touchpoints"]}
    new_cards = {card["key"]: card for card in newer["touchpoints"]}
    old_personas, new_personas = _names(older, "personas"), _names(newer, "personas")
    for key, card in new_cards.items():
        before = old_cards.get(key)
        persona = new_personas[card["persona"]]
        if before is None:
            stages[card["stage"]].cards.append(CardChange(ADDED, key, card["title"], persona))
            continue
        changes = []
        if before["title"] != card["title"]:
            changes.append(_("title “%(old)s” → “%(new)s”") % _pair(before, card, "title"))
        if before["emotion"] != card["emotion"]:
            changes.append(
                _("emotion %(old)s → %(new)s")
                % {"old": Emotion(before["emotion"]).label, "new": Emotion(card["emotion"]).label}
            )
        old_cell, new_cell = _cell(older, before), _cell(newer, card)
        if (old_cell, old_personas[before["persona"]]) != (new_cell, persona):
            changes.append(_("moved from %(old)s to %(new)s") % {"old": old_cell, "new": new_cell})
        if changes:
            change = CardChange(CHANGED, key, card["title"], persona, changes)
            stages[card["stage"]].cards.append(change)
    for key, card in old_cards.items():
        if key not in new_cards:
            persona = old_personas[card["persona"]]
            stages[card["stage"]].cards.append(CardChange(REMOVED, key, card["title"], persona))


def _pair(before: dict, after: dict, name: str) -> dict:
    return {"old": before[name], "new": after[name]}


def _compare_frictions(older: dict, newer: dict, stages: dict[str, StageChanges]) -> None:
    """Notes opened (new, or reopened) and resolved, counted per card and title, so two notes
    of the same title on one card are two notes."""
    new_cards = {card["key"]: card for card in newer["touchpoints"]}
    before = defaultdict(Counter)
    for note in older["frictions"]:
        before[note["touchpoint"], note["title"]][note["status"] == Status.RESOLVED] += 1
    for note in newer["frictions"]:
        card = new_cards[note["touchpoint"]]
        seen = before[note["touchpoint"], note["title"]]
        resolved = note["status"] == Status.RESOLVED
        if seen[resolved]:
            seen[resolved] -= 1  # the same note, in the same state
            continue
        if resolved and not seen[False]:
            continue  # resolved from the start: neither opened nor resolved in between
        if seen[not resolved]:
            seen[not resolved] -= 1
        kind = "resolved" if resolved else "opened"
        change = FrictionChange(kind, note["title"], card["title"], note["severity"])
        stages[card["stage"]].frictions.append(change)


def _structure(older: dict, newer: dict) -> list[str]:
    """Stages, lanes and personas that came, went or were renamed."""
    lines = []
    words = {
        "stages": (_("Stage added: %(name)s"), _("Stage removed: %(name)s")),
        "channels": (_("Channel added: %(name)s"), _("Channel removed: %(name)s")),
        "personas": (_("Persona added: %(name)s"), _("Persona removed: %(name)s")),
    }
    for kind, (added, removed) in words.items():
        old, new = _names(older, kind), _names(newer, kind)
        lines += [added % {"name": name} for key, name in new.items() if key not in old]
        lines += [removed % {"name": name} for key, name in old.items() if key not in new]
        lines += [
            _("Renamed: %(old)s → %(new)s") % {"old": old[key], "new": name}
            for key, name in new.items()
            if key in old and old[key] != name
        ]
    if older["journey"]["title"] != newer["journey"]["title"]:
        lines.insert(
            0,
            _("Journey renamed: %(old)s → %(new)s")
            % {"old": older["journey"]["title"], "new": newer["journey"]["title"]},
        )
    return lines


def _card_sentence(stage: StageChanges, card: CardChange) -> str:
    values = {"stage": stage.name, "title": card.title, "persona": card.persona}
    if card.kind == ADDED:
        return _("%(stage)s: card added “%(title)s” (%(persona)s)") % values
    if card.kind == REMOVED:
        return _("%(stage)s: card removed “%(title)s” (%(persona)s)") % values
    values["changes"] = "; ".join(card.changes)
    return _("%(stage)s: card “%(title)s” changed: %(changes)s") % values


def _friction_sentence(stage: StageChanges, friction: FrictionChange) -> str:
    values = {
        "stage": stage.name,
        "title": friction.title,
        "card": friction.card,
        "severity": friction.severity_label,
    }
    if friction.kind == "opened":
        return _("%(stage)s: friction opened “%(title)s” on “%(card)s” (%(severity)s)") % values
    return _("%(stage)s: friction resolved “%(title)s” on “%(card)s”") % values

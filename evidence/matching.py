"""Finding the stage, card and persona a row of an evidence file names.

A stage, a card or a persona is named by its name or by its key in the journey file, whatever
the case and accents ("considération" is the stage "Considération", and so is "consideration",
its key). A card is looked for at the row's stage, among the row's persona's cards when the row
names one.
"""

from collections import defaultdict

from django.utils.translation import gettext as _

from core.text import folded
from journeys.models import Journey, JourneyPersona, Stage
from touchpoints.models import Touchpoint


class NoMatch(Exception):
    """The row names something the journey does not have; the message says what."""


class Matcher:
    """The journey's stages, cards and personas, indexed by folded name and key: three queries."""

    def __init__(self, journey: Journey) -> None:
        # Names before keys: a stage's name always wins over another stage's key.
        stages = list(Stage.objects.filter(journey=journey))
        self.stages = {}
        for stage in stages:
            self.stages.setdefault(folded(stage.name), stage)
        for stage in stages:
            self.stages.setdefault(folded(stage.key), stage)
        links = list(JourneyPersona.objects.filter(journey=journey).select_related("persona"))
        self.personas = {}
        for link in links:
            self.personas.setdefault(folded(link.persona.name), link)
        for link in links:
            self.personas.setdefault(folded(link.key), link)
        self.cards: dict[tuple[int, str], list[Touchpoint]] = defaultdict(list)
        self.card_keys: dict[str, Touchpoint] = {}
        self.stage_of: dict[int, Stage] = {stage.pk: stage for stage in stages}
        for card in Touchpoint.objects.filter(journey=journey).only(
            "pk", "key", "title", "stage_id", "persona_id"
        ):
            self.cards[card.stage_id, folded(card.title)].append(card)
            self.card_keys[folded(card.key)] = card

    def stage(self, name: str) -> Stage:
        stage = self.stages.get(folded(name))
        if stage is None:
            raise NoMatch(_("no stage “%(name)s” in this journey.") % {"name": name})
        return stage

    def persona(self, name: str) -> JourneyPersona:
        link = self.personas.get(folded(name))
        if link is None:
            raise NoMatch(_("no persona “%(name)s” in this journey.") % {"name": name})
        return link

    def stage_of_card(self, name: str, persona: JourneyPersona | None) -> Stage:
        """The stage of the one card named `name` (by title or key), for a row without a stage."""
        folded_name = folded(name)
        cards = [
            card
            for (_stage, title), found in self.cards.items()
            if title == folded_name
            for card in found
        ]
        if not cards and folded_name in self.card_keys:
            cards = [self.card_keys[folded_name]]
        if persona is not None:
            cards = [card for card in cards if card.persona_id == persona.persona_id]
        if len(cards) != 1:
            raise NoMatch(_("the stage is empty."))
        return self.stage_of[cards[0].stage_id]

    def card(self, name: str, stage: Stage, persona: JourneyPersona | None) -> Touchpoint:
        """The card `name` at `stage` (and of `persona`, when given)."""
        cards = self.cards.get((stage.pk, folded(name)), [])
        if not cards:
            by_key = self.card_keys.get(folded(name))
            cards = [by_key] if by_key and by_key.stage_id == stage.pk else []
        if persona is not None:
            cards = [card for card in cards if card.persona_id == persona.persona_id]
        if not cards:
            message = _("no card “%(name)s” at the stage “%(stage)s”")
            if persona is not None:
                message = _("no card “%(name)s” of %(persona)s at the stage “%(stage)s”")
            raise NoMatch(
                message % {"name": name, "stage": stage.name, "persona": _persona_name(persona)}
                + "."
            )
        if len(cards) > 1:
            raise NoMatch(
                _(
                    "several cards are called “%(name)s” at the stage “%(stage)s”: "
                    "name the persona, or use the card's key."
                )
                % {"name": name, "stage": stage.name}
            )
        return cards[0]


def _persona_name(link: JourneyPersona | None) -> str:
    return link.persona.name if link else ""

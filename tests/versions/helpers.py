"""Helpers of the versions tests: a journey imported from a demo file, changed everywhere."""

from django.urls import reverse

from maps.interchange.exporting import export_journey
from maps.interchange.importing import import_journey
from tests.factories import CommentFactory, FrictionNoteFactory
from tests.maps.helpers import DEMO_DIR

BRICOLAGE = DEMO_DIR / "fr-bricolage-deux-personas.json"


def demo_journey(workspace, path=BRICOLAGE):
    return import_journey(workspace, path.read_bytes())


def exported(journey) -> dict:
    """The journey's file, without the time of the export."""
    document = export_journey(journey)
    del document["exported_at"]
    return document


def vurl(journey, name: str, *args) -> str:
    return reverse(f"versions:{name}", args=[journey.workspace.slug, journey.pk, *args])


def change_everything(journey) -> None:
    """Touch every kind of record a journey file holds."""
    journey.title = "Tout autre chose"
    journey.description = "Réécrit"
    journey.save()
    stage = journey.stages.first()
    stage.name = "Étape renommée"
    stage.save()
    journey.stages.last().delete()
    journey.channels.first().delete()
    link = journey.journey_personas.select_related("persona").first()
    link.persona.name = "Quelqu’un d’autre"
    link.persona.goals = ["Rien"]
    link.persona.save()
    touchpoint = journey.touchpoints.order_by("pk").first()
    touchpoint.title = "Carte changée"
    touchpoint.emotion = -touchpoint.emotion or 2
    touchpoint.save()
    friction = FrictionNoteFactory(touchpoint=touchpoint, title="Nouvelle friction")
    CommentFactory(friction=friction, body="Un commentaire de plus")
    journey.touchpoints.order_by("-pk").first().delete()

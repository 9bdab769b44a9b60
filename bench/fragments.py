"""The parts of the map that change when a teammate edits it, each asked for as HTMX asks for it:
what drawing them again costs a server, per viewer, as live updates will ask for them."""

from django.test import Client
from django.urls import reverse

from bench.timing import timed


def fragment_requests(client: Client, journey) -> list[tuple[str, float, float]]:
    card = journey.touchpoints.order_by("pk").first()
    stage = journey.stages.order_by("position").first()
    persona = journey.journey_personas.get(persona=card.persona).key
    slug, pk = journey.workspace.slug, journey.pk
    cell = f"cell-{card.stage_id}-{card.channel_id}"
    page = journey.get_absolute_url()
    asks = {
        "a cell": (f"{page}?persona={persona}&cell={cell}", cell),
        "summary rows": (f"{page}?persona={persona}", "map_summary"),
        "emotion curve": (reverse("journeys:curve", args=[slug, pk]) + f"?persona={persona}", ""),
        "stage header": (reverse("journeys:stage", args=[slug, pk, stage.pk]), ""),
        "card panel": (reverse("journeys:card", args=[slug, pk, card.pk]), "card_panel"),
    }
    figures = []
    for what, (url, target) in asks.items():

        def ask(url=url, target=target):
            headers = {"HX-Request": "true", **({"HX-Target": target} if target else {})}
            response = client.get(url, headers=headers)
            assert response.status_code == 200, (url, response.status_code)

        figures.append((what, *timed(ask)))
    return figures

from django.apps import AppConfig


class MapsConfig(AppConfig):
    """The top layer: the pages that put personas, journeys and touchpoints together — the
    journeys list, the map and every edit made on it, persona pages, the journey file and the
    picture export. Nothing below imports it."""

    name = "maps"

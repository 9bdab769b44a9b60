from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer: versions and the conflict protocol, file keys, HTMX answers and shared
    form bases. It imports no other app of the project."""

    name = "core"

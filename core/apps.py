from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer: versions and the conflict protocol, file keys, HTMX answers and shared
    form bases, limits and throttles. It imports no other app of the project."""

    name = "core"

    def ready(self) -> None:
        from core import checks  # noqa: F401  (registers the system checks)

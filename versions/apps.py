from django.apps import AppConfig


class VersionsConfig(AppConfig):
    """A journey through time: named snapshots (versions), their comparison, as-is and to-be
    pairs, and the template gallery. Above `maps`, whose journey file it stores and whose map
    page it reuses to show a version read-only."""

    name = "versions"

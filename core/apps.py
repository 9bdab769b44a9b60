from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    """The bottom layer: versions and the conflict protocol, file keys, HTMX answers and shared
    form bases, limits and throttles. It imports no other app of the project."""

    name = "core"

    def ready(self) -> None:
        from core import checks  # noqa: F401  (registers the system checks)
        from core.folding import register_sqlite_fold

        connection_created.connect(register_sqlite_fold, dispatch_uid="parcours_fold")

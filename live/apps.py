from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "live"

    def ready(self) -> None:
        # The receivers turn the layers' saves into events; the layers below never import live.
        from live import receivers  # noqa: F401

from django.apps import AppConfig


class SharingConfig(AppConfig):
    """Above maps and versions: read-only share links to a journey for people without an
    account, and the pages that show a journey whole (text version, presentation), to members
    and to visitors of a link alike."""

    name = "sharing"

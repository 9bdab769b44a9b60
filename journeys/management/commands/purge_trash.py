"""`manage.py purge_trash`: delete for good the journeys in the trash for more than 30 days.

Run it once a day (the README has a cron line); running it more often changes nothing.
"""

from django.core.management.base import BaseCommand

from journeys.lifecycle import TRASH_DAYS, purge


class Command(BaseCommand):
    help = f"Delete for good the journeys in the trash for more than {TRASH_DAYS} days."

    def handle(self, *args, **options) -> None:
        purged = purge()
        self.stdout.write(
            f"Purged {purged} journey{'s' if purged != 1 else ''} "
            f"deleted more than {TRASH_DAYS} days ago."
        )

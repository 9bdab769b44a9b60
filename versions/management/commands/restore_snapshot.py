from django.core.management.base import BaseCommand, CommandError

from maps.interchange.schema import InvalidJourneyFile
from versions.models import Version
from versions.snapshots import restore


class Command(BaseCommand):
    help = (
        "Restores a journey, in place, to a snapshot (after a snapshot of its present); "
        "prints `restored <journey id>`."
    )

    def add_arguments(self, parser):
        parser.add_argument("version_id", metavar="SNAPSHOT_ID")

    def handle(self, *args, version_id: str, **options):
        version = None
        if version_id.isascii() and version_id.isdigit():
            versions = Version.objects.select_related("journey__workspace")
            version = versions.filter(pk=version_id).first()
        if version is None:
            raise CommandError(f"There is no snapshot with id {version_id}; nothing was changed.")
        try:
            restore(version)
        except InvalidJourneyFile as invalid:
            raise CommandError(" ".join(invalid.errors) + " Nothing was changed.") from None
        self.stdout.write(f"restored {version.journey_id}")

from django.core.management.base import BaseCommand, CommandError

from journeys.models import Journey
from versions.snapshots import take_snapshot


class Command(BaseCommand):
    help = "Takes a named snapshot (a version) of a journey; prints `snapshot <id>`."

    def add_arguments(self, parser):
        parser.add_argument("journey_id", metavar="ID")
        parser.add_argument("--label", required=True, metavar="TEXT")

    def handle(self, *args, journey_id: str, label: str, **options):
        journey = None
        if journey_id.isascii() and journey_id.isdigit():
            journey = Journey.objects.select_related("workspace").filter(pk=journey_id).first()
        if journey is None:
            raise CommandError(f"There is no journey with id {journey_id}.")
        label = label.strip()
        if not label or len(label) > 200:
            raise CommandError("The label must have 1 to 200 characters.")
        version = take_snapshot(journey, label)
        self.stdout.write(f"snapshot {version.pk}")

from django.core.management.base import BaseCommand, CommandError

from journeys.models import Journey
from sharing.models import ShareLink


class Command(BaseCommand):
    help = (
        "Makes a read-only share link to a journey and prints its path (/s/<token>/); the "
        "token is shown only this once. --days N makes it expire after N days."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("journey_id", type=int, metavar="ID")
        parser.add_argument("--days", type=int, default=None, metavar="N")

    def handle(self, *args, journey_id: int, days: int | None, **options):
        if days is not None and days < 1:
            raise CommandError("--days must be a whole number of days, at least 1.")
        journey = Journey.objects.filter(pk=journey_id).first()
        if journey is None:
            raise CommandError(f"There is no journey with id {journey_id}.")
        _link, token = ShareLink.create_for(journey, None, days=days)
        self.stdout.write(ShareLink.path(token))

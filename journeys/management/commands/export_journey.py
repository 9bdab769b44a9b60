from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from journeys.interchange import dump_journey
from journeys.models import Journey
from journeys.spreadsheet import journey_csv

# Each export format renders a journey to the bytes of its file; a PNG of the map goes here.
RENDERERS = {
    "json": lambda journey: dump_journey(journey).encode("utf-8"),
    "csv": journey_csv,
}


class Command(BaseCommand):
    help = "Exports a journey as a parcours.journey JSON file or as CSV."

    def add_arguments(self, parser):
        parser.add_argument("journey_id", type=int, metavar="ID")
        parser.add_argument(
            "--format", dest="file_format", choices=sorted(RENDERERS), default="json"
        )
        parser.add_argument(
            "--output", default="-", metavar="FILE", help="where to write; - is standard output"
        )

    def handle(self, *args, journey_id: int, file_format: str, output: str, **options):
        journey = Journey.objects.filter(pk=journey_id).first()
        if journey is None:
            raise CommandError(f"There is no journey with id {journey_id}.")
        content = RENDERERS[file_format](journey)
        if output == "-":
            # A terminal prompt should not follow the closing brace on the same line.
            self.stdout.write(content.decode("utf-8"), ending="\n" if file_format == "json" else "")
            return
        try:
            Path(output).write_bytes(content)
        except OSError as error:
            raise CommandError(f"{output}: cannot write the file ({error.strerror}).") from None
        self.stdout.write(f"exported journey {journey.pk} to {output}")

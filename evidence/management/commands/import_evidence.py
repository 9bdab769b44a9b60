import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from evidence.columns import guess_mapping
from evidence.importing import plan_import
from evidence.problems import InvalidEvidenceFile
from evidence.reading import MAX_BYTES, read_table
from journeys.models import Journey


class Command(BaseCommand):
    help = (
        "Imports metrics and verbatims from a CSV or XLSX file into a journey and prints "
        "'imported N metrics, M verbatims' (what is new). A refused file prints one line per "
        "problem, with its line and column, exits with status 1 and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("journey_id", type=int)
        parser.add_argument("file", type=Path)

    def handle(self, *args, journey_id: int, file: Path, **options):
        journey = Journey.objects.filter(pk=journey_id).first()
        if journey is None:
            raise CommandError(f"There is no journey {journey_id}.")
        try:
            with file.open("rb") as stream:
                # One byte past the limit is enough for the reader to refuse an oversized file.
                data = stream.read(MAX_BYTES + 1)
        except OSError as error:
            raise CommandError(f"{file}: cannot read the file ({error.strerror}).") from None
        try:
            table = read_table(data, file.name)
        except InvalidEvidenceFile as error:
            self._refuse(error.problems)
        plan = plan_import(journey, table, guess_mapping(table.headers))
        if plan.problems:
            self._refuse(plan.problems)
        metrics, verbatims = plan.apply(filename=file.name)
        self.stdout.write(f"imported {metrics} metrics, {verbatims} verbatims")

    def _refuse(self, problems) -> None:
        # One line per problem and nothing else, so a script can count and read them.
        for problem in problems:
            self.stderr.write(str(problem))
        sys.exit(1)

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from journeys.models import Journey
from maps.documents import render as documents
from maps.interchange.exporting import dump_journey
from maps.picture import render as picture
from maps.picture.scene import UnknownPersona
from maps.spreadsheet import journey_csv

# Each file format renders a journey to the bytes of its file; pictures also take a size and
# a persona, given to every renderer.
RENDERERS = {
    "json": lambda journey, **picture_options: dump_journey(journey).encode("utf-8"),
    "csv": lambda journey, **picture_options: journey_csv(journey),
    **{
        file_format: lambda journey, file_format=file_format, **options: (
            picture.render_picture(journey, file_format=file_format, **options).content
        )
        for file_format in picture.FORMATS
    },
    **{
        file_format: lambda journey, file_format=file_format, **options: (
            documents.render_document(journey, file_format, **options).content
        )
        for file_format in documents.FORMATS
    },
}
# Binary files go to a file, never to a terminal.
BINARY = {"png", *documents.FORMATS}


class Command(BaseCommand):
    help = (
        "Exports a journey as a parcours.journey JSON file, as CSV, as a picture of its map "
        "(PNG or SVG, slide or full size), as a PowerPoint deck (PPTX) or as a PDF (the journey "
        "report; with --size full, the full map alone)."
    )
    # A script exporting maps should not pay for the project's checks on every call.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("journey_id", type=int, metavar="ID")
        parser.add_argument(
            "--format", dest="file_format", choices=sorted(RENDERERS), default="json"
        )
        parser.add_argument(
            "--size",
            choices=picture.SIZES,
            default=picture.SLIDE,
            help="pictures: slide (1920×1080) or full (every card at readable size); "
            "pdf: full for the full map alone instead of the report",
        )
        parser.add_argument(
            "--persona",
            default="",
            metavar="KEY",
            help="pictures: the persona's key in the journey, or 'all' to compare them; "
            "pptx and pdf: that persona only (default: every persona)",
        )
        parser.add_argument(
            "--output", default="-", metavar="FILE", help="where to write; - is standard output"
        )

    def handle(self, *args, journey_id: int, file_format: str, output: str, **options):
        if file_format in BINARY and output == "-":
            raise CommandError(f"A {file_format.upper()} is written to a file: add --output FILE.")
        journey = Journey.objects.select_related("workspace").filter(pk=journey_id).first()
        if journey is None:
            raise CommandError(f"There is no journey with id {journey_id}.")
        try:
            content = RENDERERS[file_format](
                journey, size=options["size"], persona_key=options["persona"]
            )
        except UnknownPersona as unknown:
            keys = ", ".join(journey.journey_personas.values_list("key", flat=True))
            raise CommandError(
                f"Journey {journey.pk} has no persona {unknown}; its personas: {keys or 'none'}"
                f" (or 'all')."
            ) from None
        except picture.PictureTooLarge as too_large:
            raise CommandError(str(too_large)) from None
        if output == "-":
            # A terminal prompt should not follow the closing brace on the same line.
            self.stdout.write(content.decode("utf-8"), ending="\n" if file_format == "json" else "")
            return
        try:
            Path(output).write_bytes(content)
        except OSError as error:
            raise CommandError(f"{output}: cannot write the file ({error.strerror}).") from None
        self.stdout.write(f"exported journey {journey.pk} to {output}")

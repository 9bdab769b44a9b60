from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_slug
from django.db import transaction

from maps.interchange.importing import import_journey
from maps.interchange.schema import InvalidJourneyFile
from workspaces.models import Workspace


class Command(BaseCommand):
    help = (
        "Imports a parcours.journey file as a new journey of a workspace (created if missing) "
        "and prints 'imported <journey id>'."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--workspace", required=True, metavar="SLUG")
        parser.add_argument(
            "--reuse-personas",
            action="store_true",
            help="Draw the workspace's personas of the same name instead of adding new ones.",
        )

    def handle(self, *args, file: Path, workspace: str, reuse_personas: bool, **options):
        try:
            validate_slug(workspace)
        except ValidationError:
            raise CommandError(f"{workspace!r} is not a workspace slug.") from None
        try:
            with file.open("rb") as stream:
                # One byte past the limit is enough for the import to refuse an oversized file.
                data = stream.read(settings.JOURNEY_FILE_MAX_BYTES + 1)
        except OSError as error:
            raise CommandError(f"{file}: cannot read the file ({error.strerror}).") from None
        try:
            # The workspace is created in the import's transaction, so a refused file leaves
            # no empty workspace behind.
            with transaction.atomic():
                target, created = Workspace.objects.get_or_create(
                    slug=workspace, defaults={"name": workspace}
                )
                journey = import_journey(target, data, same_name_personas=reuse_personas)
                if created and journey.language in dict(settings.LANGUAGES):
                    target.language = journey.language
                    target.save(update_fields=["language"])
        except InvalidJourneyFile as error:
            for problem in error.errors:
                self.stderr.write(f"{file}: {problem}")
            raise CommandError(f"{file}: not imported; nothing was changed.") from None
        self.stdout.write(f"imported {journey.pk}")

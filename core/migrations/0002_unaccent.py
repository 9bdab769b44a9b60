from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """PostgreSQL's `unaccent`, which core.folding.Fold calls; nothing on SQLite, where `fold`
    is registered on each connection instead."""

    dependencies = [("core", "0001_initial")]
    operations = [UnaccentExtension()]

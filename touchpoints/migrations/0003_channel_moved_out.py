# The second half of journeys.0003: a card's channel is now journeys.Channel, and touchpoints
# forgets its own. Nothing changes in the database: the rows and the foreign key stay as they are.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("journeys", "0003_channel_moved_in"),
        ("touchpoints", "0002_mentions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="touchpoint",
                    name="channel",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="touchpoints",
                        to="journeys.channel",
                    ),
                ),
                migrations.DeleteModel(name="Channel"),
            ],
        ),
    ]

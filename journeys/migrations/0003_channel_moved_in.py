# Channel moves from touchpoints to journeys: a journey's lanes belong with its stages. The rows
# stay where they are; the table is renamed and the content type (with its permissions) follows.

import django.db.models.deletion
from django.db import migrations, models

CHANNEL_ICONS = [
    ("web", "Website"),
    ("mobile", "Mobile app"),
    ("store", "Store"),
    ("email", "Email"),
    ("social", "Social media"),
    ("phone", "Phone"),
    ("word_of_mouth", "Word of mouth"),
    ("search", "Search"),
    ("chat", "Chat"),
    ("person", "In person"),
    ("product", "Product"),
    ("event", "Event"),
    ("other", "Other"),
]


def move_content_type(apps, schema_editor, old="touchpoints", new="journeys"):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label=old, model="channel").update(app_label=new)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="journeys", new="touchpoints")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("journeys", "0002_activity_reopened"),
        ("touchpoints", "0002_mentions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Channel",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("key", models.CharField(max_length=60)),
                        ("name", models.CharField(max_length=120, verbose_name="name")),
                        (
                            "icon",
                            models.CharField(
                                choices=CHANNEL_ICONS, default="other", max_length=16, verbose_name="icon"
                            ),
                        ),
                        ("colour", models.CharField(default="#2563eb", max_length=7, verbose_name="colour")),
                        ("position", models.PositiveIntegerField(default=0)),
                        ("version", models.PositiveIntegerField(default=1)),
                        (
                            "journey",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="channels",
                                to="journeys.journey",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["position", "pk"],
                        "db_table": "touchpoints_channel",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("journey", "key"), name="channel_key_unique_in_journey"
                            )
                        ],
                    },
                ),
            ],
        ),
        # From here on the table carries its app's name, like every other.
        migrations.AlterModelTable(name="channel", table=None),
        migrations.RunPython(move_content_type, move_content_type_back, elidable=True),
    ]

"""Channel moved from touchpoints to journeys (journeys.0003, touchpoints.0003): a database that
holds lanes and cards keeps every one of them, linked as before, and can go back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Every app as it was before the move; then every app at its latest migration.
BEFORE = [
    ("workspaces", "0001_initial"),
    ("journeys", "0002_activity_reopened"),
    ("touchpoints", "0002_mentions"),
]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def populate(apps) -> dict:
    """A journey with two lanes and three cards, written through the models as they were."""
    workspace = apps.get_model("workspaces", "Workspace").objects.create(name="Team", slug="team")
    persona = apps.get_model("personas", "Persona").objects.create(
        workspace=workspace, name="Ann", colour="#1d4ed8"
    )
    journey = apps.get_model("journeys", "Journey").objects.create(workspace=workspace, title="J")
    stage = apps.get_model("journeys", "Stage").objects.create(journey=journey, key="s", name="S")
    channel_model = apps.get_model("touchpoints", "Channel")
    web = channel_model.objects.create(journey=journey, key="web", name="Website", icon="web")
    shop = channel_model.objects.create(journey=journey, key="shop", name="Shop", position=1)
    card_model = apps.get_model("touchpoints", "Touchpoint")
    for key, channel in (("a", web), ("b", web), ("c", shop)):
        card_model.objects.create(
            journey=journey, persona=persona, stage=stage, channel=channel, key=key, title=key
        )
    return {"web": web.pk, "shop": shop.pk}


@pytest.fixture
def database_before_the_move(transactional_db):
    """The schema before the move; whatever happens, the latest one again afterwards."""
    yield migrate(BEFORE)
    migrate()


def test_lanes_and_their_cards_survive_the_move_and_the_way_back(database_before_the_move):
    ids = populate(database_before_the_move)

    apps = migrate()

    channels = apps.get_model("journeys", "Channel").objects
    assert list(channels.order_by("position").values_list("pk", "name", "icon")) == [
        (ids["web"], "Website", "web"),
        (ids["shop"], "Shop", "other"),
    ]
    cards = apps.get_model("touchpoints", "Touchpoint").objects.order_by("key")
    assert [(card.key, card.channel.name) for card in cards] == [
        ("a", "Website"),
        ("b", "Website"),
        ("c", "Shop"),
    ]
    content_types = apps.get_model("contenttypes", "ContentType").objects
    assert content_types.filter(app_label="journeys", model="channel").exists()
    assert not content_types.filter(app_label="touchpoints", model="channel").exists()
    # The database's own foreign key followed the renamed table.
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "touchpoints_touchpoint")
    assert ("journeys_channel", "id") in [
        constraint["foreign_key"]
        for constraint in constraints.values()
        if constraint["columns"] == ["channel_id"]
    ]

    back = migrate(BEFORE)
    assert back.get_model("touchpoints", "Channel").objects.get(pk=ids["web"]).name == "Website"


def test_old_admin_links_to_channels_land_on_their_new_address(admin_client):
    response = admin_client.get("/admin/touchpoints/channel/12/change/")
    assert response.status_code == 301
    assert response["Location"] == "/admin/journeys/channel/12/change/"

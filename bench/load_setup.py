"""The data of the load test (bench/load.py): one 400-card journey and its editors.

Run in its own process (`python -m bench.load_setup N`), because the load test's process runs
locust under gevent. Prints what the simulated editors need as one JSON line.
"""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import User  # noqa: E402
from bench.data import journey_file  # noqa: E402
from core.urls import url_template  # noqa: E402
from maps.interchange.importing import import_journey  # noqa: E402
from workspaces.models import Membership, Role, Workspace  # noqa: E402

PASSWORD = "load-test-editor"


def main(editors: int) -> dict:
    call_command("migrate", verbosity=0)
    owner = User.objects.create_user("owner@load.example", PASSWORD)
    workspace = Workspace.create_with_owner("Load", owner, slug="load")
    journey = import_journey(workspace, journey_file(400), owner)
    # One hash for all: hashing 50 passwords one by one would take 15 s of the setup.
    password = make_password(PASSWORD)
    users = User.objects.bulk_create(
        User(email=f"editor{i}@load.example", password=password) for i in range(editors)
    )
    Membership.objects.bulk_create(
        Membership(workspace=workspace, user=user, role=Role.EDITOR) for user in users
    )
    persona = journey.journey_personas.order_by("position", "pk").first()
    cards = journey.touchpoints.filter(persona=persona.persona).order_by("pk")[:editors]
    stages = list(journey.stages.values_list("pk", flat=True))
    return {
        "map": f"{journey.get_absolute_url()}?persona={persona.key}",
        "login": reverse("login"),
        "card": url_template("journeys:card", workspace.slug, journey.pk),
        "slug": workspace.slug,
        "journey": journey.pk,
        "stages": stages,
        "password": PASSWORD,
        "editors": [
            {
                "email": user.email,
                "card": card.pk,
                "stage": card.stage_id,
                "channel": card.channel_id,
            }
            for user, card in zip(users, cards, strict=True)
        ],
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]))))

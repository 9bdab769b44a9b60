"""Versions of a 400-card journey: taking a snapshot, restoring it in place, opening it
read-only, and comparing two versions (the page's server time and the comparison alone).

`make bench` runs it after the other figures; alone:
`bin/with-postgres .venv/bin/python -m bench.versions`.
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from accounts.models import User  # noqa: E402
from bench.data import journey_file  # noqa: E402
from bench.timing import get_ok, timed  # noqa: E402
from maps.interchange.importing import import_journey  # noqa: E402
from versions.comparison import compare  # noqa: E402
from versions.models import Version  # noqa: E402
from versions.snapshots import restore, take_snapshot  # noqa: E402
from workspaces.models import Workspace  # noqa: E402

CARDS = 400


def main() -> None:
    call_command("migrate", verbosity=0)
    user = User.objects.create_user("versions-bench@example.com", "bench")
    workspace = Workspace.create_with_owner("Versions bench", user, slug="versions-bench")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    journey = import_journey(workspace, journey_file(CARDS), user)
    older = take_snapshot(journey, "older", user)
    # A second version in which a tenth of the cards changed.
    for card in journey.touchpoints.order_by("pk")[: CARDS // 10]:
        card.title += " (revu)"
        card.emotion = -card.emotion
        card.save()
    newer = take_snapshot(journey, "newer", user)
    size = len(bytes(newer.data)) / 1024
    print(f"versions: a {CARDS}-card journey (8 stages × 8 channels, 2 personas, 200 notes)")
    print(
        f"  snapshot stored: {size:.0f} kB compressed, {len(newer.file_bytes()) / 1024:.0f} kB JSON"
    )
    print(f"{'what':44} {'p50 ms':>8} {'p95 ms':>8}")

    p50, p95 = timed(lambda: take_snapshot(journey, "bench", user), runs=20)
    print(f"{f'snapshot of a {CARDS}-card journey':44} {p50:8.1f} {p95:8.1f}")
    Version.objects.filter(label="bench").delete()

    p50, p95 = timed(lambda: restore(older, user), runs=10)
    print(f"{f'restore in place, {CARDS} cards (+ snapshot)':44} {p50:8.1f} {p95:8.1f}")

    documents = older.document(), newer.document()
    p50, p95 = timed(lambda: compare(*documents))
    print(f"{f'comparison alone, two {CARDS}-card versions':44} {p50:8.1f} {p95:8.1f}")

    args = [workspace.slug, journey.pk]
    url = reverse("versions:compare", args=args) + f"?old={older.pk}&new={newer.pk}"
    p50, p95 = timed(get_ok(client, url))
    print(f"{f'compare page, two {CARDS}-card versions':44} {p50:8.1f} {p95:8.1f}")

    url = reverse("versions:detail", args=[*args, newer.pk])
    p50, p95 = timed(get_ok(client, url))
    print(f"{f'version opened read-only, {CARDS} cards':44} {p50:8.1f} {p95:8.1f}")

    url = reverse("versions:list", args=args)
    p50, p95 = timed(get_ok(client, url))
    print(
        f"{'versions page, ' + str(Version.objects.count()) + ' versions':44} {p50:8.1f} {p95:8.1f}"
    )


if __name__ == "__main__":
    main()

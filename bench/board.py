"""The friction board with 2 000 friction notes and 6 000 comments: server time and queries.

`make bench` runs it after the map figures; alone:
`bin/with-postgres .venv/bin/python -m bench.board`.
"""

import os
import random
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from bench.timing import get_ok, timed  # noqa: E402
from journeys.models import Journey, JourneyPersona  # noqa: E402
from personas.models import Persona  # noqa: E402
from touchpoints.models import Comment, FrictionNote, Mention, Touchpoint  # noqa: E402
from workspaces.models import Workspace  # noqa: E402

NOTES = 2000
COMMENTS_PER_NOTE = 3
JOURNEYS = ["Buy a drill", "Rent a car", "Open a bank account", "Book a holiday"]
PERSONAS = ["Sam Carter", "Nadia Benali", "Léa Martin"]
TEAMS = ["Marketing", "E-commerce", "Customer service", "Logistics", "Billing", "Retail", ""]
PROBLEMS = [
    "Shipping costs shown too late",
    "Stock shown online is out of date",
    "Checkout asks to create an account",
    "Promo code field leads to abandonment",
    "Phone wait over ten minutes",
    "Size guide is unreliable",
    "Confirmation e-mail lands in spam",
    "Store signage is confusing",
    "Refund takes three weeks",
    "App logs users out at payment",
    "Chatbot loops without a human",
    "Prices differ between store and website",
]
SEVERITIES = ["low", "medium", "high", "critical"]
STATUSES = ["open", "open", "in_progress", "resolved"]


def build(user) -> Workspace:
    """Four journeys (default stages and channels, three personas, 150 cards each) holding
    2 000 friction notes with three comments each; every tenth thread mentions `user`."""
    rng = random.Random(6)
    workspace = Workspace.create_with_owner("Board bench", user, slug="board-bench")
    personas = Persona.objects.bulk_create(
        Persona(workspace=workspace, name=name, role="Customer") for name in PERSONAS
    )
    cards = []
    for title in JOURNEYS:
        journey = Journey.create_with_defaults(workspace, title, user=user)
        JourneyPersona.objects.bulk_create(
            JourneyPersona(journey=journey, persona=persona, key=f"p{i}", position=i)
            for i, persona in enumerate(personas)
        )
        stages, channels = list(journey.stages.all()), list(journey.channels.all())
        cards += Touchpoint.objects.bulk_create(
            Touchpoint(
                journey=journey,
                persona=rng.choice(personas),
                stage=rng.choice(stages),
                channel=rng.choice(channels),
                key=f"t{n}",
                title=f"{rng.choice(['Compare', 'Pay', 'Ask', 'Check', 'Return'])} step {n}",
                owner=rng.choice(TEAMS),
                position=n,
            )
            for n in range(150)
        )
    notes = FrictionNote.objects.bulk_create(
        FrictionNote(
            touchpoint=rng.choice(cards),
            title=f"{rng.choice(PROBLEMS)} (#{n})",
            description="Seen in interviews and in the support tickets of last quarter.",
            severity=rng.choice(SEVERITIES),
            status=rng.choice(STATUSES),
            author=user,
        )
        for n in range(NOTES)
    )
    # Ages spread over a year, so "newest" and "oldest" sort something real.
    now = timezone.now()
    for note in notes:
        note.created_at = now - timedelta(hours=rng.randint(0, 24 * 365))
    FrictionNote.objects.bulk_update(notes, ["created_at"], batch_size=500)
    comments = Comment.objects.bulk_create(
        Comment(friction=note, author=user, body="Agreed, we see it too.", created_at=now)
        for note in notes
        for _ in range(COMMENTS_PER_NOTE)
    )
    Mention.objects.bulk_create(
        Mention(comment=comment, user=user, workspace=workspace) for comment in comments[::30]
    )
    return workspace


def queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured.captured_queries)


def main() -> None:
    call_command("migrate", verbosity=0)
    user = User.objects.create_user("board-bench@example.com", "bench")
    workspace = build(user)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    board = reverse("frictions:board", args=[workspace.slug])
    journey = workspace.journeys.order_by("pk").first()
    notes = FrictionNote.objects.filter(touchpoint__journey__workspace=workspace)
    comments = Comment.objects.filter(friction__in=notes)
    print(f"friction board: {notes.count()} notes, {comments.count()} comments, 50 rows a page")
    print(f"{'what':44} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for what, query in [
        ("board, no filter (worst first)", ""),
        ("board, critical + high, unresolved", "severity=critical&severity=high&status=open"),
        ("board, one journey and a stage", f"journey={journey.pk}&stage=Purchase"),
        ("board, mentions me, newest first", "mine=1&sort=newest"),
        ("board, search a title", "q=refund"),
        ("board, page 20 of 40", "page=20"),
    ]:
        url = f"{board}?{query}"
        p50, p95 = timed(get_ok(client, url))
        print(f"{what:44} {p50:8.1f} {p95:8.1f} {queries(client, url):8}")


if __name__ == "__main__":
    main()

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo import DEMO_OWNER, DEMO_PASSWORD, DEMO_TEAM
from journeys.models import Activity
from maps.interchange.importing import import_journey
from maps.interchange.reading import parse_journey_file
from touchpoints.models import SEVERITY_RANK, FrictionNote
from workspaces.models import Membership, Role, Workspace

DEMO_FILES = Path(__file__).resolve().parents[2] / "demo"
PASSWORD = DEMO_PASSWORD
TEAM = [(email, name, Role(role)) for email, name, role in DEMO_TEAM]


def _start_a_conversation(journey) -> None:
    """A thread on the first journey's worst friction, with a mention of the demo owner, so
    the first login shows threads and an unread mention, as a team's workspace would."""
    User = get_user_model()
    editor, commenter, owner = (
        User.objects.get(email=email) for email, _, _ in (TEAM[1], TEAM[2], TEAM[0])
    )
    notes = FrictionNote.objects.filter(touchpoint__journey=journey, status="open")
    note = max(notes.order_by("pk"), key=lambda n: SEVERITY_RANK[n.severity], default=None)
    if note is None:
        return
    thread = [
        (editor, f"@{owner.display_name}, on traite celle-ci au prochain sprint\u202f?", [owner]),
        (commenter, "D’accord. J’ai vu le même souci en magasin samedi.", []),
    ]
    for author, body, mentioned in thread:
        note.post_comment(author, body, mentioned, journey.workspace_id)
        Activity.record(author, Activity.Verb.COMMENTED, note, journey=journey)


class Command(BaseCommand):
    help = (
        "Loads the demo workspace, its team and its journeys; running it again adds nothing "
        "that is already there."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        with transaction.atomic():
            workspace, _ = Workspace.objects.get_or_create(
                slug="demo", defaults={"name": "Demo workspace", "language": "fr"}
            )
            for email, name, role in TEAM:
                user = User.objects.filter(email=email).first() or User.objects.create_user(
                    email, PASSWORD, name=name
                )
                Membership.objects.get_or_create(
                    workspace=workspace, user=user, defaults={"role": role}
                )
            owner = User.objects.get(email=DEMO_OWNER)
            titles = set(workspace.journeys.values_list("title", flat=True))
            for path in sorted(DEMO_FILES.glob("*.json")):
                data = path.read_bytes()
                title = parse_journey_file(data)["journey"]["title"]
                if title not in titles:
                    journey = import_journey(workspace, data, user=owner)
                    self.stdout.write(f"imported {path.name} as journey {journey.pk}")
                    if not titles:
                        _start_a_conversation(journey)
                    titles.add(title)

        self.stdout.write(
            f"Demo ready: log in at http://127.0.0.1:8000/ as {DEMO_OWNER} / {PASSWORD}"
        )
        self.stdout.write(
            "Teammates, same password: "
            + ", ".join(f"{email} ({role})" for email, _, role in TEAM[1:])
        )

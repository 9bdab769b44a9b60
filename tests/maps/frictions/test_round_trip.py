"""Notes and threads made in the app travel in the journey file without loss."""

from maps.interchange.exporting import export_journey
from maps.interchange.importing import import_journey
from tests.factories import MembershipFactory
from tests.htmx import HTMX
from tests.maps.helpers import encode, url
from workspaces.models import Role


def test_notes_and_comments_made_in_the_app_survive_export_and_import(
    client, editor, journey, card, note
):
    marie = MembershipFactory(
        workspace=journey.workspace, role=Role.VIEWER, user__name="Marie Dupont"
    ).user
    client.force_login(editor)
    client.post(
        url(journey, "friction_add", card.pk),
        {
            "title": "Ticket « illisible »",
            "description": "Ligne 1\nLigne 2",
            "severity": "low",
            "status": "open",
        },
        **HTMX,
    )
    client.post(
        url(journey, "comment_add", note.pk), {"body": "@Marie Dupont, vu ✔︎\nsuite"}, **HTMX
    )
    client.post(
        url(journey, "friction_status", note.pk), {"status": "in_progress", "version": 1}, **HTMX
    )

    first = export_journey(journey)
    [exported] = [f for f in first["frictions"] if f["title"] == note.title]
    assert exported["status"] == "in_progress"
    assert exported["comments"][-1]["author"] == editor.display_name
    assert exported["comments"][-1]["body"] == "@Marie Dupont, vu ✔︎\nsuite"
    assert any(f["title"] == "Ticket « illisible »" for f in first["frictions"])

    copy = import_journey(marie.memberships.get().workspace, encode(first))
    second = export_journey(copy)
    first.pop("exported_at"), second.pop("exported_at")
    assert second == first

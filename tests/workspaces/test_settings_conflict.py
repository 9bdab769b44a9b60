"""Two owners changing the workspace settings at once: the second is told, and keeps their text."""

from django.urls import reverse

from tests.factories import MembershipFactory
from workspaces.models import Role, Workspace


def settings_url(workspace):
    return reverse("workspaces:settings", args=[workspace.slug])


def test_settings_save_from_the_version_they_were_read_at(client, workspace, owner):
    client.force_login(owner)
    response = client.post(
        settings_url(workspace), {"name": "Renamed", "language": "fr", "version": 1}
    )
    assert response.status_code == 302
    saved = Workspace.objects.get(pk=workspace.pk)
    assert (saved.name, saved.language, saved.version) == ("Renamed", "fr", 2)


def test_a_stale_settings_save_shows_theirs_keeps_mine_and_overwrites_nothing(
    client, workspace, owner
):
    other_owner = MembershipFactory(workspace=workspace, role=Role.OWNER).user
    client.force_login(other_owner)
    client.post(settings_url(workspace), {"name": "Theirs", "language": "en", "version": 1})

    client.force_login(owner)
    response = client.post(
        settings_url(workspace), {"name": "Mine", "language": "fr", "version": 1}
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved a change while you were editing." in html
    assert "<dd>Theirs</dd>" in html
    assert 'value="Mine"' in html
    assert 'name="version" value="2"' in html
    assert Workspace.objects.get(pk=workspace.pk).name == "Theirs"

    # "Save mine" posts the form as it came back: now a deliberate overwrite.
    client.post(settings_url(workspace), {"name": "Mine", "language": "fr", "version": 2})
    assert Workspace.objects.get(pk=workspace.pk).name == "Mine"

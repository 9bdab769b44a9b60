import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import MembershipFactory
from workspaces.models import Membership, Role, Workspace


def members_url(workspace):
    return reverse("workspaces:members", args=[workspace.slug])


def test_adding_a_member_twice_is_refused_inline(client, workspace, owner, editor):
    client.force_login(owner)
    response = client.post(members_url(workspace), {"email": editor.email, "role": "viewer"})
    assert response.status_code == 400
    assert "already a member" in response.content.decode()
    assert Membership.objects.get(workspace=workspace, user=editor).role == Role.EDITOR


def test_unknown_role_is_refused(client, workspace, owner):
    client.force_login(owner)
    response = client.post(members_url(workspace), {"email": "x@example.com", "role": "admin"})
    assert response.status_code == 400
    assert not User.objects.filter(email="x@example.com").exists()


def test_owner_changes_a_role(client, workspace, owner, viewer):
    client.force_login(owner)
    member = Membership.objects.get(workspace=workspace, user=viewer)
    client.post(
        reverse("workspaces:member_role", args=[workspace.slug, member.pk]), {"role": "editor"}
    )
    member.refresh_from_db()
    assert member.role == Role.EDITOR


def test_last_owner_can_neither_be_demoted_nor_removed(client, workspace, owner):
    client.force_login(owner)
    member = Membership.objects.get(workspace=workspace, user=owner)
    role_url = reverse("workspaces:member_role", args=[workspace.slug, member.pk])
    response = client.post(role_url, {"role": "viewer"}, follow=True)
    assert "at least one owner" in response.content.decode()
    client.post(reverse("workspaces:member_remove", args=[workspace.slug, member.pk]))
    member.refresh_from_db()
    assert member.role == Role.OWNER


def test_an_owner_may_step_down_when_another_owner_remains(client, workspace, owner):
    second = MembershipFactory(workspace=workspace, role=Role.OWNER)
    client.force_login(owner)
    member = Membership.objects.get(workspace=workspace, user=owner)
    client.post(
        reverse("workspaces:member_role", args=[workspace.slug, member.pk]), {"role": "editor"}
    )
    member.refresh_from_db()
    assert member.role == Role.EDITOR
    assert second.role == Role.OWNER


def test_owner_removes_a_member(client, workspace, owner, commenter):
    client.force_login(owner)
    member = Membership.objects.get(workspace=workspace, user=commenter)
    client.post(reverse("workspaces:member_remove", args=[workspace.slug, member.pk]))
    assert not Membership.objects.filter(pk=member.pk).exists()
    assert User.objects.filter(pk=commenter.pk).exists()


@pytest.mark.parametrize("role_fixture", ["editor", "commenter", "viewer"])
def test_only_owners_manage_members(client, workspace, owner, role_fixture, request):
    user = request.getfixturevalue(role_fixture)
    target = Membership.objects.get(workspace=workspace, user=owner)
    client.force_login(user)
    assert client.get(members_url(workspace)).status_code == 200
    assert (
        client.post(members_url(workspace), {"email": "y@example.com", "role": "owner"}).status_code
        == 403
    )
    role_url = reverse("workspaces:member_role", args=[workspace.slug, target.pk])
    assert client.post(role_url, {"role": "viewer"}).status_code == 403
    remove_url = reverse("workspaces:member_remove", args=[workspace.slug, target.pk])
    assert client.post(remove_url).status_code == 403
    target.refresh_from_db()
    assert target.role == Role.OWNER
    assert not User.objects.filter(email="y@example.com").exists()


def test_outsider_gets_404_on_members_page(client, workspace, owner, outsider):
    client.force_login(outsider)
    assert client.get(members_url(workspace)).status_code == 404
    target = Membership.objects.get(workspace=workspace, user=owner)
    remove_url = reverse("workspaces:member_remove", args=[workspace.slug, target.pk])
    assert client.post(remove_url).status_code == 404


def test_a_membership_of_another_workspace_cannot_be_reached(client, workspace, owner, outsider):
    """An owner here cannot change a role in another workspace by guessing its pk."""
    foreign = Membership.objects.get(user=outsider)
    client.force_login(owner)
    url = reverse("workspaces:member_role", args=[workspace.slug, foreign.pk])
    assert client.post(url, {"role": "viewer"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.role == Role.OWNER


def test_owner_deletes_the_workspace_after_typing_its_name(client, workspace, owner):
    client.force_login(owner)
    url = reverse("workspaces:delete", args=[workspace.slug])
    assert client.post(url, {"confirm": "wrong"}).status_code == 400
    assert Workspace.objects.filter(pk=workspace.pk).exists()
    client.post(url, {"confirm": workspace.name})
    assert not Workspace.objects.filter(pk=workspace.pk).exists()


def test_editor_cannot_delete_the_workspace(client, workspace, owner, editor):
    client.force_login(editor)
    url = reverse("workspaces:delete", args=[workspace.slug])
    assert client.post(url, {"confirm": workspace.name}).status_code == 403
    assert Workspace.objects.filter(pk=workspace.pk).exists()


def test_creating_a_workspace_makes_the_creator_owner_and_unique_slug(client, workspace, owner):
    client.force_login(owner)
    client.post(reverse("workspace_create"), {"name": workspace.name, "language": "fr"})
    created = Workspace.objects.exclude(pk=workspace.pk).get(name=workspace.name)
    assert created.slug != workspace.slug
    assert created.language == "fr"
    assert Membership.objects.get(workspace=created).user == owner


def test_workspace_switcher_lists_only_my_workspaces(client, workspace, owner, outsider):
    mine = Workspace.create_with_owner("Second team", owner)
    client.force_login(owner)
    html = client.get(members_url(workspace)).content.decode()
    assert mine.get_absolute_url() in html
    foreign = Membership.objects.get(user=outsider).workspace
    assert foreign.get_absolute_url() not in html

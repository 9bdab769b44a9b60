"""The add_member command: adds a person to a workspace, or changes their role there."""

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from tests.commands import run_command
from tests.factories import MembershipFactory, UserFactory
from workspaces.models import Membership, Role


@pytest.mark.django_db
class TestAddMember:
    def test_creates_the_user_and_the_workspace(self):
        stdout, _ = run_command(
            "add_member",
            "Alice@Example.com",
            "--workspace",
            "studio",
            "--role",
            "editor",
            "--password",
            "a long passphrase",
            "--name",
            "Alice Moreau",
        )

        user = User.objects.get(email="alice@example.com")
        assert user.check_password("a long passphrase")
        assert user.name == "Alice Moreau"
        membership = Membership.objects.get(user=user)
        assert (membership.workspace.slug, membership.workspace.name) == ("studio", "studio")
        assert membership.role == Role.EDITOR
        assert stdout.count("\n") == 1
        assert "added alice@example.com to studio as editor" in stdout

    def test_user_created_without_password_cannot_log_in(self):
        run_command("add_member", "bob@example.com", "--workspace", "studio", "--role", "viewer")

        assert not User.objects.get(email="bob@example.com").has_usable_password()

    def test_changes_the_role_of_a_member(self, workspace, owner, viewer):
        stdout, _ = run_command(
            "add_member", viewer.email, "--workspace", workspace.slug, "--role", "commenter"
        )

        assert Membership.objects.get(user=viewer).role == Role.COMMENTER
        assert f"is now commenter in {workspace.slug} (was viewer)" in stdout

    def test_refuses_to_demote_the_last_owner(self, workspace, owner):
        with pytest.raises(CommandError, match="last owner"):
            call_command(
                "add_member", owner.email, "--workspace", workspace.slug, "--role", "editor"
            )

        assert Membership.objects.get(user=owner).role == Role.OWNER

    def test_demotes_an_owner_who_is_not_the_last(self, workspace, owner):
        other_owner = MembershipFactory(workspace=workspace, role=Role.OWNER).user

        run_command(
            "add_member", other_owner.email, "--workspace", workspace.slug, "--role", "viewer"
        )

        assert Membership.objects.get(user=other_owner).role == Role.VIEWER

    def test_refuses_an_unknown_role(self, db):
        with pytest.raises(CommandError, match="invalid choice: 'admin'"):
            call_command("add_member", "c@example.com", "--workspace", "studio", "--role", "admin")

        assert not User.objects.exists()

    def test_refuses_an_invalid_email(self, db):
        with pytest.raises(CommandError, match="valid email"):
            call_command("add_member", "not-an-email", "--workspace", "studio", "--role", "viewer")

    def test_running_it_again_changes_nothing(self):
        UserFactory(email="dana@example.com")
        args = ("add_member", "dana@example.com", "--workspace", "studio", "--role", "viewer")
        run_command(*args)

        stdout, _ = run_command(*args)

        assert stdout == "dana@example.com is already viewer in studio\n"
        assert Membership.objects.count() == 1

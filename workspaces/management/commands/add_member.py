from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email, validate_slug
from django.db import transaction

from workspaces.models import LastOwnerError, Membership, Role, Workspace


class Command(BaseCommand):
    help = (
        "Gives a user a role in a workspace, creating the user and the workspace if needed. "
        "A user created without --password cannot log in until they reset their password."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--workspace", required=True, metavar="SLUG")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--password", help="the password; also replaces an existing one")
        parser.add_argument("--name", help="the name teammates see")

    def handle(self, *args, email: str, workspace: str, role: str, password, name, **options):
        try:
            validate_email(email)
            validate_slug(workspace)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        with transaction.atomic():
            user, user_news = self._user(email, password, name)
            target, created = Workspace.objects.get_or_create(
                slug=workspace, defaults={"name": workspace}
            )
            membership, joined = Membership.objects.get_or_create(
                workspace=target, user=user, defaults={"role": role}
            )
            previous_role = membership.role
            if previous_role != role:
                try:
                    membership.change_role(role)
                except LastOwnerError:
                    raise CommandError(
                        f"{user.email} is the last owner of {target.slug}; "
                        "make another member owner first."
                    ) from None

        news = [user_news] if user_news else []
        if created:
            news.append(f"created workspace {target.slug}")
        if joined:
            news.append(f"added {user.email} to {target.slug} as {role}")
        elif previous_role != role:
            news.append(f"{user.email} is now {role} in {target.slug} (was {previous_role})")
        else:
            news.append(f"{user.email} is already {role} in {target.slug}")
        self.stdout.write("; ".join(news))

    def _user(self, email: str, password: str | None, name: str | None):
        """The user with this address, created or updated, and what was done to it."""
        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            # A None password makes an unusable one: no one can log in with a guess.
            user = User.objects.create_user(email, password, name=name or "")
            return user, f"created user {user.email}"
        if password is None and name is None:
            return user, ""
        if password is not None:
            user.set_password(password)
        if name is not None:
            user.name = name
        user.save()
        return user, f"updated user {user.email}"

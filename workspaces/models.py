import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.versioning import Versioned


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    EDITOR = "editor", _("Editor")
    COMMENTER = "commenter", _("Commenter")
    VIEWER = "viewer", _("Viewer")


class Action(models.TextChoices):
    """What a member may try to do; `Membership.may` is the one place that says who may."""

    READ = "read"
    EXPORT = "export"
    COMMENT = "comment"
    EDIT = "edit"
    MANAGE_MEMBERS = "manage_members"
    DELETE_WORKSPACE = "delete_workspace"
    DELETE_VERSION = "delete_version"


# DESIGN.md: a viewer reads and exports; a commenter also comments; an editor also changes
# personas, journeys, stages, channels, touchpoints and friction notes; an owner also manages
# members and deletes the workspace.
ROLES_ALLOWED = {
    Action.READ: {Role.VIEWER, Role.COMMENTER, Role.EDITOR, Role.OWNER},
    Action.EXPORT: {Role.VIEWER, Role.COMMENTER, Role.EDITOR, Role.OWNER},
    Action.COMMENT: {Role.COMMENTER, Role.EDITOR, Role.OWNER},
    Action.EDIT: {Role.EDITOR, Role.OWNER},
    Action.MANAGE_MEMBERS: {Role.OWNER},
    Action.DELETE_WORKSPACE: {Role.OWNER},
    # A version is the team's way back: only an owner may take it away.
    Action.DELETE_VERSION: {Role.OWNER},
}


class WorkspaceQuerySet(models.QuerySet):
    def for_user(self, user) -> "WorkspaceQuerySet":
        return self.filter(memberships__user=user)


class Workspace(Versioned, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    # Settings are edited by owners, who may be several at once (core/conflicts.py).
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WorkspaceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("journeys:list", args=[self.slug])

    @classmethod
    def create_with_owner(cls, name: str, owner, language: str = "en", slug: str = ""):
        """A new workspace with its owner; slugs are made unique by a numeric suffix."""
        with transaction.atomic():
            workspace = cls.objects.create(
                name=name, slug=cls.free_slug(slug or name), language=language
            )
            workspace.memberships.create(user=owner, role=Role.OWNER)
        return workspace

    def add_member(self, email: str, role: str) -> tuple["Membership", bool]:
        """Adds the person with this e-mail, creating their account if they have none yet.

        Returns the membership and whether the account is new (and so needs an invitation).
        """
        with transaction.atomic():
            user = User.objects.filter(email__iexact=email).first()
            created = user is None
            if created:
                user = User.objects.create_user(email=email)
            membership = self.memberships.create(user=user, role=role)
        return membership, created

    def people(self):
        """The users who are members, the ones an @mention may name."""
        return User.objects.filter(memberships__workspace=self)

    @classmethod
    def free_slug(cls, wanted: str) -> str:
        base = slugify(wanted)[:50] or "workspace"
        slug, n = base, 1
        while cls.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug


class LastOwnerError(Exception):
    """Raised when a change would leave a workspace without an owner."""


class Membership(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.VIEWER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="one_membership_per_user")
        ]
        ordering = ["user__email"]

    def __str__(self) -> str:
        return f"{self.user} · {self.workspace} · {self.role}"

    def may(self, action: Action) -> bool:
        return self.role in ROLES_ALLOWED[action]

    # Templates cannot pass arguments: these name the questions pages ask.
    @property
    def can_edit(self) -> bool:
        return self.may(Action.EDIT)

    @property
    def can_comment(self) -> bool:
        return self.may(Action.COMMENT)

    @property
    def can_manage_members(self) -> bool:
        return self.may(Action.MANAGE_MEMBERS)

    @property
    def can_delete_versions(self) -> bool:
        return self.may(Action.DELETE_VERSION)

    def _is_last_owner(self) -> bool:
        return (
            self.role == Role.OWNER
            and not self.workspace.memberships.filter(role=Role.OWNER).exclude(pk=self.pk).exists()
        )

    def change_role(self, role: str) -> None:
        with transaction.atomic():
            # Lock the workspace's owners so two owners demoting each other cannot both succeed.
            list(self.workspace.memberships.select_for_update().filter(role=Role.OWNER))
            if role != Role.OWNER and self._is_last_owner():
                raise LastOwnerError
            self.role = role
            self.save(update_fields=["role"])

    def remove(self) -> None:
        with transaction.atomic():
            list(self.workspace.memberships.select_for_update().filter(role=Role.OWNER))
            if self._is_last_owner():
                raise LastOwnerError
            self.delete()


INVITATION_LIFETIME = timedelta(days=14)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def by_token(self, token: str) -> "Invitation | None":
        """The invitation this link's token opens; only its hash is stored."""
        return (
            self.select_related("workspace", "inviter")
            .filter(token_hash=_token_hash(token))
            .first()
        )


class Invitation(models.Model):
    """An owner's offer to join a workspace, sent by e-mail; nobody is a member until they
    accept it. The link's token is stored hashed, as a password would be."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.EDITOR)
    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    # When the last e-mail went out; None while it is on its way or after it failed.
    sent_at = models.DateTimeField(null=True, blank=True)
    # The invitee followed an expired link and asked for a new one.
    renewal_asked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "email"], name="one_invitation_per_email")
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.workspace}"

    @classmethod
    def invite(
        cls, workspace: Workspace, email: str, role: str, inviter
    ) -> tuple["Invitation", str]:
        """A pending invitation for `email` (a new one, or the pending one renewed) and the
        token of its link, which exists only here and in the e-mail."""
        with transaction.atomic():
            invitation = cls.objects.select_for_update().filter(
                workspace=workspace, email=email.lower()
            ).first() or cls(workspace=workspace, email=email.lower())
            invitation.role, invitation.inviter = role, inviter
            return invitation, invitation.renew()

    def renew(self) -> str:
        """A new link (the old one stops working) valid for INVITATION_LIFETIME."""
        token = secrets.token_urlsafe(32)
        self.token_hash = _token_hash(token)
        self.expires_at = timezone.now() + INVITATION_LIFETIME
        self.sent_at = self.renewal_asked_at = None
        self.save()
        return token

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    def is_for(self, user) -> bool:
        return user.is_authenticated and user.email.lower() == self.email.lower()

    def accept(self, user) -> Membership:
        """Makes `user` a member with the invited role, once; the invitation is used up."""
        with transaction.atomic():
            membership, _created = self.workspace.memberships.get_or_create(
                user=user, defaults={"role": self.role}
            )
            self.delete()
        return membership

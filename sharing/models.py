"""Share links: read-only access to one journey for someone without an account.

The token is shown once, when the link is made; the database keeps only its SHA-256, so a copy
of the database gives no working link. 32 random bytes (43 URL-safe characters) cannot be
guessed; a visit looks the link up by the hash of the token it brings.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from journeys.models import Journey

TOKEN_BYTES = 32
# The expiries offered, in days; None is a link without expiry.
EXPIRY_DAYS = (7, 30, 90)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ShareLinkQuerySet(models.QuerySet):
    def usable(self) -> "ShareLinkQuerySet":
        """Links neither revoked nor expired."""
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )

    def find(self, token: str) -> "ShareLink | None":
        """The usable link of `token`, with its journey, or None."""
        if not token or len(token) > 100:
            return None
        return self.usable().select_related("journey").filter(token_hash=token_hash(token)).first()


class ShareLink(models.Model):
    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="share_links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    show_comments = models.BooleanField(_("show the comments of friction notes"), default=False)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"share link {self.pk} of journey {self.journey_id}"

    @classmethod
    def create_for(
        cls, journey: Journey, creator, *, days: int | None = None, show_comments: bool = False
    ) -> tuple["ShareLink", str]:
        """A new link and its token, which is not stored and cannot be read again."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        link = cls.objects.create(
            journey=journey,
            token_hash=token_hash(token),
            created_by=creator,
            expires_at=timezone.now() + timedelta(days=days) if days else None,
            show_comments=show_comments,
        )
        return link, token

    @staticmethod
    def path(token: str) -> str:
        return reverse("shared:map", args=[token])

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and (
            self.expires_at is None or self.expires_at > timezone.now()
        )

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def record_use(self) -> None:
        """One UPDATE, without reading the row again."""
        now = timezone.now()
        ShareLink.objects.filter(pk=self.pk).update(last_used_at=now)
        self.last_used_at = now

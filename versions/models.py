"""Versions of a journey, as-is/to-be pairs, and a workspace's own journey templates.

A version and a template hold a whole journey file (`maps/interchange/`, whose round trip is
exact) compressed with zlib: a 400-card journey's 260 kB of JSON keeps about 30 kB.
"""

import json
import zlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from journeys.models import Journey
from workspaces.models import Workspace


def document_bytes(document: dict) -> bytes:
    """A journey file's bytes, as `maps.interchange` reads them."""
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def pack(document: dict) -> bytes:
    return zlib.compress(document_bytes(document), 6)


def unpack(data) -> dict:
    return json.loads(zlib.decompress(bytes(data)))


class JourneyFile(models.Model):
    """What a version and a template share: a compressed journey file and its counts."""

    data = models.BinaryField()
    stage_count = models.PositiveIntegerField(default=0)
    persona_count = models.PositiveIntegerField(default=0)
    touchpoint_count = models.PositiveIntegerField(default=0)
    friction_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True

    def set_document(self, document: dict) -> None:
        self.data = pack(document)
        self.stage_count = len(document["stages"])
        self.persona_count = len(document["personas"])
        self.touchpoint_count = len(document["touchpoints"])
        self.friction_count = len(document["frictions"])

    def document(self) -> dict:
        return unpack(self.data)

    def file_bytes(self) -> bytes:
        return zlib.decompress(bytes(self.data))


class Version(JourneyFile):
    """A named snapshot of a journey, taken by hand or before a change that replaces it all."""

    class Kind(models.TextChoices):
        MANUAL = "manual", _("taken by hand")
        BEFORE_RESTORE = "before_restore", _("before a restore")
        BEFORE_IMPORT = "before_import", _("before an import over the journey")
        BEFORE_PROMOTION = "before_promotion", _("before the to-be became the as-is")

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="versions")
    label = models.CharField(_("label"), max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MANUAL)
    # File key → persona id when the snapshot was taken: a restore gives the journey back its
    # own personas (their pages, their other journeys) rather than copies.
    persona_ids = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.label


class JourneyPair(models.Model):
    """A journey as customers live it today (as-is) and the one the team designs (to-be)."""

    as_is = models.OneToOneField(Journey, on_delete=models.CASCADE, related_name="to_be_pair")
    to_be = models.OneToOneField(Journey, on_delete=models.CASCADE, related_name="as_is_pair")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.as_is} → {self.to_be}"


class JourneyTemplate(JourneyFile):
    """A journey a workspace saved to start new ones from, beside the built-in gallery."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="templates")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=16)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

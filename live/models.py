"""What the live bus keeps in the database: recent events, for catch-up, and who is here now.

Both are tables rather than memory so that any app server can answer: a browser that reconnects
to another server catches up from `Event`, and every server reads the same `Presence`.
"""

import uuid

from django.conf import settings
from django.db import models


class Event(models.Model):
    """One change, as pushed: ids and versions (never page content). Its id is the SSE event id."""

    workspace_id = models.BigIntegerField()
    journey_id = models.BigIntegerField(null=True, blank=True)
    payload = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["workspace_id", "id"], name="live_event_workspace")]

    def __str__(self) -> str:
        return f"{self.pk}: {self.payload}"


class Presence(models.Model):
    """One open tab on a journey's map: its stream beats every few seconds while it is open."""

    tab = models.UUIDField(primary_key=True, default=uuid.uuid4)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    workspace_id = models.BigIntegerField()
    journey_id = models.BigIntegerField()
    card_id = models.BigIntegerField(null=True, blank=True)
    seen_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["journey_id", "seen_at"], name="live_presence_journey")]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.journey_id}"

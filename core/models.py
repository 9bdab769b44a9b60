from django.db import models


class ThrottleWindow(models.Model):
    """How many times one client did one thing in one window of time (core/throttle.py)."""

    key = models.CharField(max_length=200, primary_key=True)
    hits = models.PositiveIntegerField(default=1)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.hits}"

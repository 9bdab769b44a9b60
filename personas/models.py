import hashlib

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from workspaces.models import Workspace

# Initials backgrounds dark enough for white text (contrast ≥ 4.5:1).
AVATAR_COLOURS = ["#1d4ed8", "#7c3aed", "#be185d", "#b45309", "#047857", "#0f766e", "#4338ca"]


def avatar_colour_for(name: str) -> str:
    digest = hashlib.sha1(name.encode()).digest()
    return AVATAR_COLOURS[digest[0] % len(AVATAR_COLOURS)]


class Persona(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="personas")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role or title"), max_length=160, blank=True)
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    quote = models.CharField(_("quote"), max_length=500, blank=True)
    bio = models.TextField(_("bio"), blank=True)
    goals = models.JSONField(_("goals"), default=list, blank=True)
    frustrations = models.JSONField(_("frustrations"), default=list, blank=True)
    needs = models.JSONField(_("needs"), default=list, blank=True)
    # Channel names rather than links: a persona belongs to the workspace, channels to journeys,
    # and the same "Website" lane exists in many journeys.
    preferred_channels = models.JSONField(_("preferred channels"), default=list, blank=True)
    photo = models.ImageField(_("photo"), upload_to="personas/", blank=True)
    colour = models.CharField(_("colour"), max_length=7, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.colour:
            self.colour = avatar_colour_for(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("personas:detail", args=[self.workspace.slug, self.pk])

    @property
    def initials(self) -> str:
        words = [w for w in self.name.split() if w[:1].isalnum()]
        return "".join(w[0] for w in words[:2]).upper() or "?"

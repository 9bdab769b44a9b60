import hashlib
import re
from uuid import uuid4

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.limits import BIO_MAX_LENGTH
from core.versioning import Versioned
from workspaces.models import Workspace

# Initials backgrounds dark enough for white text (contrast ≥ 4.5:1, checked by a test), each
# with a name so the colour picker never relies on colour alone.
AVATAR_COLOURS = {
    "#1d4ed8": _("Blue"),
    "#7c3aed": _("Violet"),
    "#be185d": _("Pink"),
    "#b45309": _("Amber"),
    "#047857": _("Green"),
    "#0f766e": _("Teal"),
    "#4338ca": _("Indigo"),
}
# WCAG AA for normal text: initials are small, so the stricter of the two thresholds.
MIN_CONTRAST = 4.5
HEX_COLOUR = re.compile(r"#[0-9a-f]{6}")

# The oldest age a persona may have, in the editor and in a journey file.
OLDEST_AGE = 150


# What a person edits in the persona editor, and what a duplicate copies (with the name).
PROFILE_FIELDS = [
    "name",
    "role",
    "age",
    "quote",
    "bio",
    "goals",
    "frustrations",
    "needs",
    "preferred_channels",
    "colour",
]


def avatar_colour_for(name: str) -> str:
    digest = hashlib.sha1(name.encode()).digest()
    colours = list(AVATAR_COLOURS)
    return colours[digest[0] % len(colours)]


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio of white text on `colour` ("#rrggbb"), from 1 to 21."""

    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


def validate_avatar_colour(colour: str) -> None:
    if not HEX_COLOUR.fullmatch(colour):
        raise ValidationError(
            _("Choose a colour written as # and six hexadecimal digits, like #1d4ed8."),
            code="format",
        )
    ratio = contrast_with_white(colour)
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            _(
                "White initials would be hard to read on this colour (contrast %(ratio).1f:1, "
                "at least %(minimum).1f:1 is needed). Choose a darker colour."
            ),
            code="contrast",
            params={"ratio": ratio, "minimum": MIN_CONTRAST},
        )


def new_photo_name(extension: str = ".jpg") -> str:
    # A fresh random name per upload: the photo's URL changes with it, so browsers may cache a
    # photo for good, and names never reveal who the persona is.
    return f"{uuid4().hex}{extension}"


class Persona(Versioned, models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="personas")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role or title"), max_length=160, blank=True)
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    quote = models.CharField(_("quote"), max_length=500, blank=True)
    bio = models.TextField(_("bio"), max_length=BIO_MAX_LENGTH, blank=True)
    goals = models.JSONField(_("goals"), default=list, blank=True)
    frustrations = models.JSONField(_("frustrations"), default=list, blank=True)
    needs = models.JSONField(_("needs"), default=list, blank=True)
    # Channel names rather than links: a persona belongs to the workspace, channels to journeys,
    # and the same "Website" lane exists in many journeys.
    preferred_channels = models.JSONField(_("preferred channels"), default=list, blank=True)
    photo = models.ImageField(_("photo"), upload_to="personas/", blank=True)
    colour = models.CharField(
        _("colour"), max_length=7, blank=True, validators=[validate_avatar_colour]
    )
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

    @property
    def photo_filename(self) -> str:
        """The stored photo's file name, which the photo's URL carries (see `new_photo_name`)."""
        return self.photo.name.rsplit("/", 1)[-1]

    def replace_photo(self, content: File | None) -> None:
        """Stores `content` as the photo (None removes it); the old file goes once committed."""
        old = self.photo.name
        if content is None:
            self.photo = ""
        else:
            self.photo.save(new_photo_name(), content, save=False)
        Persona.objects.filter(pk=self.pk).update(photo=self.photo.name, updated_at=timezone.now())
        if old:
            storage = self.photo.storage
            transaction.on_commit(lambda: storage.delete(old))

    def duplicate(self) -> "Persona":
        """A copy named "… (copy)", with its own copy of the photo, in no journey yet."""
        copy = Persona(workspace=self.workspace)
        for name in PROFILE_FIELDS:
            setattr(copy, name, getattr(self, name))
        name_field = Persona._meta.get_field("name")
        copy.name = (gettext("%(name)s (copy)") % {"name": self.name})[: name_field.max_length]
        if self.photo:
            # Its own file, so deleting either persona leaves the other's photo in place.
            with self.photo.open("rb") as source:
                copy.photo.save(new_photo_name(), File(source), save=False)
        copy.save()
        return copy


@receiver(post_delete, sender=Persona)
def delete_photo_file(sender, instance: Persona, **kwargs) -> None:
    # A signal rather than Persona.delete(): deleting a workspace removes its personas by
    # cascade, which never calls the model's delete().
    if instance.photo:
        storage, name = instance.photo.storage, instance.photo.name
        transaction.on_commit(lambda: storage.delete(name))

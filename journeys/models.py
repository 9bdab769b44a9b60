from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from core import limits
from core.keys import KEY_MAX_LENGTH, unique_key
from core.limits import DESCRIPTION_MAX_LENGTH
from core.versioning import Versioned
from journeys.channel_icons import CHANNEL_EMOJI, LANE_COLOURS, ChannelIcon, icon_for
from journeys.parts import JourneyPart
from personas.models import Persona
from workspaces.models import Workspace

DEFAULT_STAGES = [
    ("awareness", gettext_noop("Awareness")),
    ("consideration", gettext_noop("Consideration")),
    ("purchase", gettext_noop("Purchase")),
    ("after_sales", gettext_noop("After-sales")),
    ("loyalty", gettext_noop("Loyalty")),
]

DEFAULT_CHANNELS = [
    ("website", "web", gettext_noop("Website")),
    ("mobile_app", "mobile", gettext_noop("Mobile app")),
    ("store", "store", gettext_noop("Store")),
    ("email", "email", gettext_noop("Email")),
    ("social_media", "social", gettext_noop("Social media")),
    ("phone", "phone", gettext_noop("Phone")),
    ("word_of_mouth", "word_of_mouth", gettext_noop("Word of mouth")),
]


class JourneyQuerySet(models.QuerySet):
    def in_trash(self) -> "JourneyQuerySet":
        return self.filter(deleted_at__isnull=False)


class LiveJourneyManager(models.Manager.from_queryset(JourneyQuerySet)):
    """Journeys not in the trash: the default, so a deleted journey leaves every list, count
    and address at once (journeys/lifecycle.py). Joins from other models (a card's journey)
    say `journey__deleted_at=None` themselves."""

    def get_queryset(self) -> JourneyQuerySet:
        return super().get_queryset().filter(deleted_at=None)


class Journey(Versioned, models.Model):
    """A scenario drawn for one or more personas, across ordered stages and channels."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="journeys")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    language = models.CharField(_("language"), max_length=16, default="en")
    personas = models.ManyToManyField(
        Persona, through="JourneyPersona", related_name="journeys", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # In the trash since then (journeys/lifecycle.py); purged TRASH_DAYS later.
    deleted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = LiveJourneyManager()
    with_trashed = JourneyQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("journeys:detail", args=[self.workspace.slug, self.pk])

    @classmethod
    def create_with_defaults(
        cls,
        workspace: Workspace,
        title: str,
        description: str = "",
        user=None,
        language: str | None = None,
    ):
        """A new journey with the default stages and channels, named in `language` (the one its
        creator chose; the workspace's by default)."""
        language = language or workspace.language
        with transaction.atomic(), translation.override(language):
            journey = cls.objects.create(
                workspace=workspace,
                title=title,
                description=description,
                language=language,
                created_by=user,
            )
            Stage.objects.bulk_create(
                Stage(journey=journey, key=key, name=gettext(name), position=i)
                for i, (key, name) in enumerate(DEFAULT_STAGES)
            )
            Channel.objects.bulk_create(
                Channel(
                    journey=journey,
                    key=key,
                    name=gettext(name),
                    icon=icon,
                    colour=LANE_COLOURS[i % len(LANE_COLOURS)],
                    position=i,
                )
                for i, (key, icon, name) in enumerate(DEFAULT_CHANNELS)
            )
        return journey

    def add_persona(self, persona: Persona) -> "JourneyPersona":
        """Draw the journey for `persona` too, as its last tab; adding it twice changes nothing."""
        if persona.workspace_id != self.workspace_id:
            raise ValueError("a journey only holds personas of its own workspace")
        with transaction.atomic():
            # Locks the journey so two people adding personas at once cannot pick the same key.
            Journey.objects.select_for_update().filter(pk=self.pk).first()
            links = list(self.journey_personas.all())
            existing = next((link for link in links if link.persona_id == persona.pk), None)
            if existing:
                return existing
            limits.ensure_room("persona", len(links), limits.PERSONAS_PER_JOURNEY)
            return JourneyPersona.objects.create(
                journey=self,
                persona=persona,
                key=unique_key(persona.name, {link.key for link in links}),
                position=max((link.position for link in links), default=-1) + 1,
            )

    def remove_persona(self, persona: Persona) -> int:
        """Take `persona` out of the journey with its touchpoints; returns how many cards went."""
        with transaction.atomic():
            touchpoints = self.touchpoints.filter(persona=persona)
            _deleted, by_model = touchpoints.delete()
            self.journey_personas.filter(persona=persona).delete()
        return by_model.get(touchpoints.model._meta.label, 0)


class JourneyPersona(models.Model):
    """A persona drawn in a journey; `key` is the persona's name inside this journey's file."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="journey_personas")
    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="journey_links")
    key = models.CharField(max_length=KEY_MAX_LENGTH)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["journey", "persona"], name="persona_once_per_journey"),
            models.UniqueConstraint(fields=["journey", "key"], name="persona_key_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.journey} · {self.persona}"


class Stage(JourneyPart, models.Model):
    """An ordered column of a journey."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="stages")
    key = models.CharField(max_length=KEY_MAX_LENGTH)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["journey", "key"], name="stage_key_unique_in_journey")
        ]

    def __str__(self) -> str:
        return self.name

    def siblings(self) -> models.QuerySet:
        return Stage.objects.filter(journey_id=self.journey_id)

    def ensure_room(self, *, moving: bool = False, neighbours: int | None = None) -> None:
        count = self.siblings().count() if neighbours is None else neighbours
        limits.ensure_room("stage", count, limits.STAGES_PER_JOURNEY)


class Channel(JourneyPart, models.Model):
    """A swimlane of a journey: where an interaction happens."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="channels")
    key = models.CharField(max_length=KEY_MAX_LENGTH)
    name = models.CharField(_("name"), max_length=120)
    icon = models.CharField(_("icon"), max_length=16, choices=ChannelIcon.choices, default="other")
    colour = models.CharField(_("colour"), max_length=7, default="#2563eb")
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["journey", "key"], name="channel_key_unique_in_journey")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def emoji(self) -> str:
        return CHANNEL_EMOJI.get(self.icon, CHANNEL_EMOJI["other"])

    def siblings(self) -> models.QuerySet:
        return Channel.objects.filter(journey_id=self.journey_id)

    def ensure_room(self, *, moving: bool = False, neighbours: int | None = None) -> None:
        count = self.siblings().count() if neighbours is None else neighbours
        limits.ensure_room("channel", count, limits.CHANNELS_PER_JOURNEY)

    @classmethod
    def create_last(cls, journey_id: int, key_base: str, **fields) -> "Channel":
        """A new lane, with an icon guessed from its name and the next colour of the palette."""
        lanes = cls.objects.filter(journey_id=journey_id).count()
        fields.setdefault("icon", icon_for("", key_base))
        fields.setdefault("colour", LANE_COLOURS[lanes % len(LANE_COLOURS)])
        return super().create_last(journey_id, key_base, **fields)


class Activity(models.Model):
    """Who changed what, and when."""

    class Verb(models.TextChoices):
        CREATED = "created", _("created")
        IMPORTED = "imported", _("imported")
        UPDATED = "updated", _("updated")
        MOVED = "moved", _("moved")
        DELETED = "deleted", _("deleted")
        RESTORED = "restored", _("restored")
        DUPLICATED = "duplicated", _("duplicated")
        COMMENTED = "commented", _("commented on")
        RESOLVED = "resolved", _("resolved")
        REOPENED = "reopened", _("reopened")

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="activities")
    journey = models.ForeignKey(
        Journey, on_delete=models.CASCADE, null=True, blank=True, related_name="activities"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verb = models.CharField(max_length=16, choices=Verb.choices)
    object_type = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    object_label = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return f"{self.actor} {self.verb} {self.object_type} {self.object_label}"

    @classmethod
    def record(cls, actor, verb: str, obj, journey: Journey | None = None, workspace=None):
        activity = cls(
            workspace=workspace or journey.workspace,
            journey=journey,
            actor=actor,
            verb=verb,
            object_type=obj._meta.model_name,
            object_id=obj.pk,
            object_label=str(obj)[:200],
        )
        # Not stored: for those who listen to the save (live updates read the changed row's
        # version and place from it, without another query).
        activity.subject = obj
        activity.save()
        return activity


def channel_names(workspace: Workspace, current: list[str]) -> list[str]:
    """The channels a persona may prefer: the usual ones, then every lane name the workspace's
    journeys use, then any the persona already has; one spelling per name, ignoring case."""
    with translation.override(workspace.language):
        defaults = [gettext(name) for _key, _icon, name in DEFAULT_CHANNELS]
    used = sorted(
        set(
            Channel.objects.filter(
                journey__workspace=workspace, journey__deleted_at=None
            ).values_list("name", flat=True)
        ),
        key=str.casefold,
    )
    spelling = {name.casefold(): name for name in current}
    names: dict[str, str] = {}
    for name in [*defaults, *used, *current]:
        names.setdefault(name.casefold(), spelling.get(name.casefold(), name))
    return list(names.values())

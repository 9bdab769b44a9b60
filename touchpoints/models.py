import zlib
from collections import defaultdict
from functools import cached_property, partial

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import limits
from core.compiled import CompiledQuery, give_related
from core.keys import KEY_MAX_LENGTH
from core.limits import COMMENT_MAX_LENGTH, DESCRIPTION_MAX_LENGTH
from core.versioning import Versioned
from journeys.models import Channel, Journey, Stage
from journeys.parts import JourneyPart
from touchpoints.mentions import comment_html


class Emotion(models.IntegerChoices):
    VERY_NEGATIVE = -2, _("Frustrated")
    NEGATIVE = -1, _("Unhappy")
    NEUTRAL = 0, _("Neutral")
    POSITIVE = 1, _("Satisfied")
    VERY_POSITIVE = 2, _("Delighted")


EMOTION_EMOJI = {-2: "😣", -1: "🙁", 0: "😐", 1: "🙂", 2: "😄"}


class Severity(models.TextChoices):
    LOW = "low", pgettext_lazy("severity", "Low")
    MEDIUM = "medium", pgettext_lazy("severity", "Medium")
    HIGH = "high", pgettext_lazy("severity", "High")
    CRITICAL = "critical", pgettext_lazy("severity", "Critical")


SEVERITY_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3, Severity.CRITICAL: 4}
SEVERITY_ICON = {
    Severity.LOW: "▿",
    Severity.MEDIUM: "◆",
    Severity.HIGH: "▲",
    Severity.CRITICAL: "⛔",
}


class Status(models.TextChoices):
    OPEN = "open", pgettext_lazy("friction status", "Open")
    IN_PROGRESS = "in_progress", pgettext_lazy("friction status", "In progress")
    RESOLVED = "resolved", pgettext_lazy("friction status", "Resolved")


# The advisory locks of a journey's cells: their first key (the evidence's triggers use 7106).
CELL_LOCK_CLASS = 7_107


def cell_lock_key(persona_id: int, stage_id: int, channel_id: int) -> int:
    """A cell's advisory lock key: two cells sharing one only wait for each other."""
    return zlib.crc32(f"{persona_id}:{stage_id}:{channel_id}".encode()) - 2**31


def in_cells(cells: tuple[int, ...], through: str = "") -> Q:
    """Cards in some cells of a map, for a query compiled once per number of cells
    (core/compiled.py): `cells` is (stage id, channel id, stage id, …); `through` is the path
    to the card ("touchpoint__") when the rows are another model's."""
    wanted = Q()
    for stage_id, channel_id in zip(cells[::2], cells[1::2], strict=True):
        wanted |= Q(**{f"{through}stage_id": stage_id, f"{through}channel_id": channel_id})
    return wanted


class Touchpoint(JourneyPart, models.Model):
    """One interaction of one persona, at one stage, in one channel."""

    journey = models.ForeignKey(Journey, on_delete=models.CASCADE, related_name="touchpoints")
    persona = models.ForeignKey(
        "personas.Persona", on_delete=models.CASCADE, related_name="touchpoints"
    )
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="touchpoints")
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="touchpoints")
    key = models.CharField(max_length=KEY_MAX_LENGTH)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    emotion = models.SmallIntegerField(_("emotion"), choices=Emotion.choices, default=0)
    owner = models.CharField(_("owner team"), max_length=120, blank=True)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["journey", "key"], name="touchpoint_key_unique"),
            models.CheckConstraint(
                condition=models.Q(emotion__gte=-2, emotion__lte=2), name="emotion_in_range"
            ),
        ]
        indexes = [models.Index(fields=["journey", "persona", "stage", "channel", "position"])]

    def __str__(self) -> str:
        return self.title

    def validate_constraints(self, exclude=None):
        # The emotion's range is its choices, which clean_fields() has just checked: asking
        # the database again (Django checks a CheckConstraint with a query) cost every card
        # saved from a form a query. The constraint stays in the database.
        super().validate_constraints(exclude={*(exclude or ()), "emotion"})

    @property
    def emotion_emoji(self) -> str:
        return EMOTION_EMOJI[self.emotion]

    @cached_property
    def friction_notes(self) -> list["FrictionNote"]:
        """The card's friction notes with their threads, for its panel."""
        return threads_of(self)

    def siblings(self) -> models.QuerySet:
        """The cards of the same cell: one persona, one stage, one channel."""
        return Touchpoint.objects.filter(
            journey_id=self.journey_id,
            persona_id=self.persona_id,
            stage_id=self.stage_id,
            channel_id=self.channel_id,
        )

    def lock_for_move(self, container: dict) -> None:
        """A card's move locks its old and new cells, not its journey: teammates moving cards
        in other cells no longer wait for each other (under 50 editors every move queued
        behind every other, docs/benchmarks.md). The journey's row is held in KEY SHARE mode,
        which what changes the journey's structure or its set of cards (`lock_journey`, FOR
        UPDATE) waits for, and holds up; the journey is marked as changed after the commit."""
        if connection.vendor != "postgresql":
            super().lock_for_move(container)  # SQLite writes one transaction at a time
            return
        cells = {
            cell_lock_key(self.persona_id, self.stage_id, self.channel_id),
            cell_lock_key(
                self.persona_id,
                container.get("stage_id", self.stage_id),
                container.get("channel_id", self.channel_id),
            ),
        }
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM {Journey._meta.db_table} WHERE id = %s FOR KEY SHARE",
                [self.journey_id],
            )
            # In one order for everyone, so two moves between the same cells cannot deadlock.
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, key) FROM unnest(%s::integer[]) AS key"
                " ORDER BY key",
                [CELL_LOCK_CLASS, sorted(cells)],
            )
        transaction.on_commit(partial(self.mark_changed, self.journey_id))

    def sibling_positions(self) -> dict[int, int]:
        return dict(
            _CELL_POSITIONS.rows(self.journey_id, self.persona_id, self.stage_id, self.channel_id)
        )

    def ensure_room(self, *, moving: bool = False, neighbours: int | None = None) -> None:
        """A card fits if its journey and its cell have room; a card moving between cells is
        already counted in its journey, and in its new cell (the move wrote it there)."""
        if not moving:
            in_journey = Touchpoint.objects.filter(journey_id=self.journey_id).count()
            limits.ensure_room("card", in_journey, limits.CARDS_PER_JOURNEY)
        if neighbours is None:
            cell = self.siblings().exclude(pk=self.pk) if self.pk else self.siblings()
            neighbours = cell.count()
        limits.ensure_room("cell", neighbours, limits.CARDS_PER_CELL)

    def add_friction_note(self, note: "FrictionNote") -> "FrictionNote":
        """Save `note` (not yet saved) on this card, if the card has room for another."""
        limits.ensure_room("note", self.frictions.count(), limits.NOTES_PER_CARD)
        note.touchpoint = self
        note.save()
        return note


# A cell's cards in their order, for every move (core/compiled.py says why compiled).
_CELL_POSITIONS = CompiledQuery(
    lambda journey, persona, stage, channel: Touchpoint.objects.filter(
        journey_id=journey, persona_id=persona, stage_id=stage, channel_id=channel
    ).values_list("pk", "position")
)


class FrictionNoteQuerySet(models.QuerySet):
    def with_threads(self) -> "FrictionNoteQuerySet":
        """Notes with their author, comments, comment authors and mentioned members: what the
        card panel shows, in three queries whatever the number of notes and comments."""
        comments = Comment.objects.select_related("author").prefetch_related(
            models.Prefetch("mentions", queryset=Mention.objects.select_related("user"))
        )
        return self.select_related("author").prefetch_related(
            models.Prefetch("comments", queryset=comments)
        )


class FrictionNote(Versioned, models.Model):
    """A problem at a touchpoint."""

    touchpoint = models.ForeignKey(Touchpoint, on_delete=models.CASCADE, related_name="frictions")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.MEDIUM
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default="open")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FrictionNoteQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def severity_icon(self) -> str:
        return SEVERITY_ICON[self.severity]

    def post_comment(self, author, body: str, mentioned: list, workspace_id: int) -> "Comment":
        """A new comment by `author`; each member in `mentioned` gets an unread mention."""
        limits.ensure_room("comment", self.comments.count(), limits.COMMENTS_PER_NOTE)
        with transaction.atomic():
            comment = self.comments.create(author=author, body=body, created_at=timezone.now())
            comment.add_mentions(mentioned, workspace_id)
        return comment


class Comment(models.Model):
    """A teammate's message on a friction note."""

    friction = models.ForeignKey(FrictionNote, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Imported comments name their author in free text; a comment posted here names its user.
    author_name = models.CharField(_("author"), max_length=150, blank=True)
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField()
    # The offset the time was written with (a file's "+01:00"), so an export gives it back as
    # its author wrote it; 0 means UTC.
    created_at_offset = models.SmallIntegerField(default=0)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]

    @property
    def author_label(self) -> str:
        return self.author.display_name if self.author else self.author_name

    @property
    def body_html(self):
        """The text with its mentions marked; the mentions come prefetched (`with_threads`)."""
        return comment_html(self.body, [mention.user for mention in self.mentions.all()])

    def is_by(self, user) -> bool:
        return self.author_id is not None and self.author_id == user.pk

    def edit(self, body: str, mentioned: list, workspace_id: int) -> list:
        """Saves the new text; returns the members it names for the first time."""
        with transaction.atomic():
            self.body = body
            self.edited_at = timezone.now()
            self.save(update_fields=["body", "edited_at"])
            # A member still named keeps their mention as it is (read or not); a name taken
            # out loses it; a new one gets an unread one.
            self.mentions.exclude(user__in=mentioned).delete()
            kept = set(self.mentions.values_list("user_id", flat=True))
            self.add_mentions(mentioned, workspace_id)
        return [user for user in mentioned if user.pk not in kept]

    def add_mentions(self, mentioned: list, workspace_id: int) -> None:
        Mention.objects.bulk_create(
            [Mention(comment=self, user=user, workspace_id=workspace_id) for user in mentioned],
            ignore_conflicts=True,
        )


class Mention(models.Model):
    """A workspace member named with @ in a comment; unread until they open it."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentions"
    )
    # The workspace the mention lives in, so a member's Mentions list and unread count are one
    # indexed query instead of a walk through comment, note, card and journey.
    workspace = models.ForeignKey(
        "workspaces.Workspace", on_delete=models.CASCADE, related_name="mentions"
    )
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="one_mention_per_comment")
        ]
        indexes = [models.Index(fields=["workspace", "user", "read_at"])]

    def __str__(self) -> str:
        return f"@{self.user} in {self.comment_id}"


class UsedUndoToken(models.Model):
    """The id of an undo token already used (touchpoints/undo.py): a card comes back once."""

    token_id = models.CharField(max_length=32, unique=True)
    used_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return self.token_id


# A card's notes with their threads, as its panel shows them: three queries compiled once.
# Through `prefetch_related` (`with_threads`) they cost 7 ms of processor time, a quarter of
# a card panel's.
_NOTES = CompiledQuery(
    lambda card: FrictionNote.objects.filter(touchpoint_id=card).select_related("author")
)
_COMMENTS = CompiledQuery(
    lambda card: Comment.objects.filter(friction__touchpoint_id=card).select_related("author")
)
_MENTIONS = CompiledQuery(
    lambda card: Mention.objects.filter(comment__friction__touchpoint_id=card).select_related(
        "user"
    )
)


def threads_of(card: Touchpoint) -> list[FrictionNote]:
    """The card's notes, each with its comments, each comment with its mentions."""
    notes = _NOTES.objects(card.pk)
    if not notes:
        return notes
    comments = _COMMENTS.objects(card.pk)
    mentions = _MENTIONS.objects(card.pk) if comments else []
    by_comment = defaultdict(list)
    for mention in mentions:
        by_comment[mention.comment_id].append(mention)
    by_note = defaultdict(list)
    for comment in comments:
        give_related(comment, "mentions", by_comment[comment.pk])
        by_note[comment.friction_id].append(comment)
    for note in notes:
        note.touchpoint = card
        give_related(note, "comments", by_note[note.pk])
    return notes

"""The saves that become live changes. The layers below announce nothing themselves: every
change they make on a map is recorded as an `Activity` (with the changed row as its `subject`),
and the few that are not (a comment edited or deleted, a member's role) are read from their
models' signals. Everything is sent on commit, by live.bus.announce."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from journeys.models import Activity
from live.bus import announce
from touchpoints.models import Comment, FrictionNote
from workspaces.models import Membership

# What a page needs to know of each kind of row, beside its id: its version and where it is.
PLACES = {
    "touchpoint": ("version", "stage_id", "channel_id", "persona_id"),
    "frictionnote": ("version", "touchpoint_id"),
    "stage": ("version",),
    "channel": ("version",),
    "persona": ("version",),
}


@receiver(post_save, sender=Activity)
def activity_recorded(sender, instance: Activity, created: bool, **kwargs) -> None:
    if not created:
        return
    subject = getattr(instance, "subject", None)
    place = {
        name.removesuffix("_id"): getattr(subject, name, None)
        for name in PLACES.get(instance.object_type, ())
    }
    announce(
        instance.workspace_id,
        instance.journey_id,
        instance.object_type,
        verb=instance.verb,
        id=instance.object_id,
        actor=instance.actor_id,
        **place,
    )


@receiver(post_save, sender=Comment)
def comment_saved(sender, instance: Comment, created: bool, **kwargs) -> None:
    # A new comment is announced by its activity ("commented"); an edit has none.
    if not created:
        _comment_changed(instance, "updated")


@receiver(post_delete, sender=Comment)
def comment_deleted(sender, instance: Comment, origin=None, **kwargs) -> None:
    # Deleted with its note or card: their own change says it.
    if isinstance(origin, Comment):
        _comment_changed(instance, "deleted")


def _comment_changed(comment: Comment, verb: str) -> None:
    # Read now: a deleted row loses its pk once the signals have run.
    comment_id, note_id, author_id = comment.pk, comment.friction_id, comment.author_id

    def send():
        note = (
            FrictionNote.objects.filter(pk=note_id)
            .values("touchpoint_id", "touchpoint__journey_id", "touchpoint__journey__workspace_id")
            .first()
        )
        if note is None:
            return
        announce(
            note["touchpoint__journey__workspace_id"],
            note["touchpoint__journey_id"],
            "comment",
            verb=verb,
            id=comment_id,
            frictionnote=note_id,
            touchpoint=note["touchpoint_id"],
            actor=author_id,
        )

    # The note's place is read after the commit, off the save's own queries.
    transaction.on_commit(send, robust=True)


@receiver(post_save, sender=Membership)
@receiver(post_delete, sender=Membership)
def membership_changed(sender, instance: Membership, **kwargs) -> None:
    """A member's streams in the workspace check their access again (and end without it)."""
    announce(instance.workspace_id, None, "membership", keep=False, user=instance.user_id)

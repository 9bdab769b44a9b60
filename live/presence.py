"""Who is on a journey now, and which card each has open: one row per open tab, beaten by the
tab's stream, so every app server reads the same list. A closed tab leaves at once (its stream
ends); a tab whose server died fades after FADE, removed by the next beat of anyone there."""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from live.bus import announce
from live.models import Presence

FADE = timedelta(seconds=30)
BEAT_SECONDS = 10


def parse_tab(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value or "")
    except ValueError:
        return None


def join(tab: uuid.UUID, user_id: int, workspace_id: int, journey_id: int) -> None:
    Presence.objects.update_or_create(
        tab=tab,
        defaults={
            "user_id": user_id,
            "workspace_id": workspace_id,
            "journey_id": journey_id,
            "seen_at": timezone.now(),
        },
    )
    _changed(workspace_id, journey_id, user_id)


def beat(tab: uuid.UUID, user_id: int, workspace_id: int, journey_id: int) -> None:
    """The tab is still here; anyone gone quiet for FADE leaves."""
    now = timezone.now()
    if not Presence.objects.filter(tab=tab).update(seen_at=now):
        join(tab, user_id, workspace_id, journey_id)
    faded, _ = Presence.objects.filter(journey_id=journey_id, seen_at__lt=now - FADE).delete()
    if faded:
        _changed(workspace_id, journey_id, None)


def leave(tab: uuid.UUID, workspace_id: int, journey_id: int) -> None:
    gone, _ = Presence.objects.filter(tab=tab).delete()
    if gone:
        _changed(workspace_id, journey_id, None)


def open_card(tab: uuid.UUID, user, journey, card_id: int | None) -> bool:
    """The card the user's tab has open on the journey (None: the panel closed). The tab may
    tell before its stream has joined: the row is made here then, and the join keeps the card."""
    if Presence.objects.filter(tab=tab).exclude(user=user, journey_id=journey.pk).exists():
        return False
    Presence.objects.update_or_create(
        tab=tab,
        defaults={
            "user": user,
            "workspace_id": journey.workspace_id,
            "journey_id": journey.pk,
            "card_id": card_id,
            "seen_at": timezone.now(),
        },
    )
    _changed(journey.workspace_id, journey.pk, user.pk)
    return True


@dataclass
class Here:
    """A member on the journey now, with the cards their tabs have open."""

    user: object
    cards: list[int] = field(default_factory=list)


def here(journey_id: int, but=None) -> list[Here]:
    """Who is on the journey now (but `but`, the viewer), first come first."""
    rows = (
        Presence.objects.filter(journey_id=journey_id, seen_at__gte=timezone.now() - FADE)
        .select_related("user")
        .order_by("user__name", "user__email")
    )
    people: dict[int, Here] = {}
    for row in rows:
        if but is not None and row.user_id == but.pk:
            continue
        person = people.setdefault(row.user_id, Here(row.user))
        if row.card_id and row.card_id not in person.cards:
            person.cards.append(row.card_id)
    return list(people.values())


def _changed(workspace_id: int, journey_id: int, user_id: int | None) -> None:
    announce(workspace_id, journey_id, "presence", keep=False, user=user_id)

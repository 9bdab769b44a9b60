"""How much a workspace may hold: the one source of the numbers that forms, the journey-file
import and the models' creation helpers all refuse beyond.

The limits are far above any real map (the demo's largest journey has 6 stages, 7 channels and
about 60 cards) and low enough that one request can never cost a server minutes or gigabytes:
a map at every limit still draws, exports and imports in about a second.
"""

from django.utils.translation import gettext_lazy as _

from core.refusals import Refused

# Parts of one journey.
STAGES_PER_JOURNEY = 40
CHANNELS_PER_JOURNEY = 20
PERSONAS_PER_JOURNEY = 12
CARDS_PER_JOURNEY = 1_000
CARDS_PER_CELL = 50
NOTES_PER_CARD = 20
COMMENTS_PER_NOTE = 500

# Text typed into one field, in characters. Names and titles are the models' own max_length.
DESCRIPTION_MAX_LENGTH = 4_000
BIO_MAX_LENGTH = 4_000
COMMENT_MAX_LENGTH = 5_000

# A persona's goals, frustrations and needs: enough room to argue with, not a document.
LIST_MAX_ITEMS = 20
LIST_ITEM_MAX_LENGTH = 300

# Uploads and exports.
PHOTO_MAX_PIXELS = 25_000_000
PICTURE_MAX_PIXELS = 20_000_000
# A journey file's report lists this many problems, then says how many more there were.
IMPORT_MAX_PROBLEMS = 100

# What the creation helpers say when a journey is full, by the kind of part refused.
FULL = {
    "stage": _("A journey holds at most %(limit)d stages; delete one before adding another."),
    "channel": _("A journey holds at most %(limit)d channels; delete one before adding another."),
    "persona": _("A journey is drawn for at most %(limit)d personas."),
    "card": _("A journey holds at most %(limit)d cards; delete one before adding another."),
    "cell": _("A cell holds at most %(limit)d cards; put this one in another cell."),
    "note": _("A card holds at most %(limit)d friction notes."),
    "comment": _("A friction note holds at most %(limit)d comments."),
}


class LimitReached(Refused):
    """A creation refused because its container is full; `message` says so to the person."""

    def __init__(self, kind: str, limit: int) -> None:
        self.kind = kind
        self.limit = limit
        super().__init__(f"{kind}: at most {limit}")

    @property
    def message(self) -> str:
        return str(FULL[self.kind] % {"limit": self.limit})


def ensure_room(kind: str, count: int, limit: int) -> None:
    """Raise LimitReached when a container already holding `count` may not take one more."""
    if count >= limit:
        raise LimitReached(kind, limit)

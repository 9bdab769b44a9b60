"""The `parcours.journey` v1 schema, written as checks that report every problem with its path.

Each field of the schema is a small checker whose `clean` returns the value to import (timestamps
become aware datetimes) and records what is wrong instead of stopping, so one pass over a file
lists all of its problems. Length and count limits are the models' and core/limits.py's, the
editor's own, so a file that passes fits what the editor would have let anyone type.
"""

import re
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import limits
from journeys.models import Channel, Journey, Stage
from maps.interchange.persona_fields import OPTIONAL_PERSONA_FIELDS
from maps.interchange.problems import SURROGATE, InvalidJourneyFile, Validation, kind, show
from maps.interchange.problems import member as _member
from personas.models import OLDEST_AGE, Persona
from touchpoints.models import Comment, Emotion, FrictionNote, Severity, Status, Touchpoint

FORMAT = "parcours.journey"
VERSION = 1
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")

UNKNOWN_LINK = {
    "stage": gettext_lazy("unknown stage %(key)s"),
    "channel": gettext_lazy("unknown channel %(key)s"),
    "persona": gettext_lazy("unknown persona %(key)s"),
    "touchpoint": gettext_lazy("unknown touchpoint %(key)s"),
}


def _max_length(model: type[models.Model], field: str) -> int:
    return model._meta.get_field(field).max_length


class Text:
    def __init__(self, max_length: int | None = None, *, required: bool = False) -> None:
        self.max_length = max_length
        self.required = required

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if not isinstance(value, str):
            validation.wrong_type(path, _("a string"), value)
        elif "\x00" in value:
            # PostgreSQL stores no NUL in text.
            validation.add(path, _("contains a NUL character"))
        elif found := SURROGATE.search(value):
            # Half of a UTF-16 pair, which JSON's \u escapes can write but UTF-8 cannot store.
            validation.add(
                path,
                _("contains a character that is not valid text (%(escape)s)")
                % {"escape": f"\\u{ord(found[0]):04x}"},
            )
        elif self.required and not value.strip():
            validation.add(path, _("must not be empty"))
        elif self.max_length is not None and len(value) > self.max_length:
            validation.add(
                path,
                _("%(length)d characters, more than the %(maximum)d allowed")
                % {"length": len(value), "maximum": self.max_length},
            )
        return value


class Key(Text):
    """A record's name inside the file: other records link to it."""

    def __init__(self) -> None:
        super().__init__(_max_length(Stage, "key"), required=True)

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        super().clean(value, path, validation)
        if isinstance(value, str) and value.strip() and any(c.isspace() for c in value):
            validation.add(path, _("%(key)s contains a space or line break") % {"key": show(value)})
        return value


class Link:
    """The key of a record of another list of the same file."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        known = validation.keys.get(self.kind)
        if not isinstance(value, str):
            validation.wrong_type(path, _("a string"), value)
        elif known is not None and value not in known:
            validation.add(path, UNKNOWN_LINK[self.kind] % {"key": show(value)})
        return value


class Integer:
    def __init__(self, minimum: int, maximum: int, *, nullable: bool = False) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.nullable = nullable

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if value is None and self.nullable:
            return value
        # JSON's true and 1.0 are not integers, though Python would compare them equal to 1.
        if isinstance(value, bool) or not isinstance(value, int):
            expected = _("an integer or null") if self.nullable else _("an integer")
            validation.wrong_type(path, expected, value)
        elif not self.minimum <= value <= self.maximum:
            validation.add(
                path,
                _("%(value)s is not between %(minimum)d and %(maximum)d")
                % {"value": show(value), "minimum": self.minimum, "maximum": self.maximum},
            )
        return value


class Choice:
    def __init__(self, choices: type[models.TextChoices]) -> None:
        self.values = choices.values

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if not isinstance(value, str):
            validation.wrong_type(path, _("a string"), value)
        elif value not in self.values:
            validation.add(
                path,
                _("%(value)s is not one of %(choices)s")
                % {"value": show(value), "choices": ", ".join(self.values)},
            )
        return value


class Timestamp:
    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if not isinstance(value, str):
            validation.wrong_type(path, _("a string"), value)
            return value
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            validation.add(
                path, _("%(value)s is not an ISO 8601 date and time") % {"value": show(value)}
            )
            return value
        if moment.tzinfo is None:
            # Without an offset the same file would mean different moments on different servers.
            validation.add(
                path,
                _("%(value)s needs a timezone, such as Z or +01:00") % {"value": show(value)},
            )
            return value
        try:
            moment.astimezone(UTC)
        except OverflowError:
            validation.add(
                path,
                _("%(value)s is outside the years 1 to 9999 in UTC") % {"value": show(value)},
            )
        return moment


class Language(Text):
    def __init__(self) -> None:
        super().__init__(_max_length(Journey, "language"), required=True)

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if isinstance(value, str) and not LANGUAGE_PATTERN.fullmatch(value):
            validation.add(
                path,
                _('%(value)s is not a language code such as "fr", "en" or "fr-CA"')
                % {"value": show(value)},
            )
            return value
        return super().clean(value, path, validation)


class FormatName:
    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if value != FORMAT:
            validation.add(path, _("expected %(format)s") % {"format": show(FORMAT)})
        return value


class Version:
    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            validation.wrong_type(path, _("an integer"), value)
        elif value > VERSION:
            validation.add(
                path,
                _("%(version)d is newer than %(newest)d, the newest this version of Parcours reads")
                % {"version": value, "newest": VERSION},
            )
        elif value < 1:
            validation.add(
                path, _("%(version)d is not a version; versions start at 1") % {"version": value}
            )
        return value


class Record:
    """A JSON object with exactly these fields, and perhaps the `optional` ones (fields added
    after v1 was published); `clean` returns them in the schema's order."""

    def __init__(self, fields: dict[str, Any], optional: dict[str, Any] | None = None) -> None:
        self.fields = fields
        self.optional = optional or {}

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if not isinstance(value, dict):
            validation.wrong_type(path, _("an object"), value)
            return value
        for name in getattr(value, "duplicates", ()):
            validation.add(_member(path, name), _("duplicate field"))
        cleaned = {}
        for name, field in self.fields.items():
            if name in value:
                cleaned[name] = field.clean(value[name], _member(path, name), validation)
            else:
                validation.add(_member(path, name), _("missing field"))
        for name, field in self.optional.items():
            if name in value:
                cleaned[name] = field.clean(value[name], _member(path, name), validation)
        for name in value:
            if name not in self.fields and name not in self.optional:
                validation.add(_member(path, name), _("unknown field"))
        return cleaned


class ListOf:
    """A JSON list; with `keys_of`, a list of records whose keys must be unique."""

    def __init__(self, item: Any, *, keys_of: str | None = None, max_items: int) -> None:
        self.item = item
        self.keys_of = keys_of
        self.max_items = max_items

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if not isinstance(value, list):
            validation.wrong_type(path, _("a list"), value)
            return value
        if len(value) > self.max_items:
            # Its items are not read: a list a hundred thousand long costs one line, and links
            # to its keys are not reported a second time.
            validation.add(
                path,
                _("%(count)d items, more than the %(maximum)d allowed")
                % {"count": len(value), "maximum": self.max_items},
            )
            return value
        keys: set[str] = set()
        if self.keys_of:
            validation.keys[self.keys_of] = keys
        cleaned = []
        for index, item in enumerate(value):
            item_path = f"{path}[{index}]"
            cleaned.append(self.item.clean(item, item_path, validation))
            key = item.get("key") if self.keys_of and isinstance(item, dict) else None
            if isinstance(key, str):
                if key in keys:
                    validation.add(
                        _member(item_path, "key"), _("duplicate key %(key)s") % {"key": show(key)}
                    )
                # Even a malformed key is remembered, so links to it are not reported again.
                keys.add(key)
        return cleaned


ITEMS = ListOf(Text(limits.LIST_ITEM_MAX_LENGTH), max_items=limits.LIST_MAX_ITEMS)
STAGE = Record(
    {
        "key": Key(),
        "name": Text(_max_length(Stage, "name"), required=True),
        "description": Text(limits.DESCRIPTION_MAX_LENGTH),
    }
)
CHANNEL = Record({"key": Key(), "name": Text(_max_length(Channel, "name"), required=True)})
PERSONA = Record(
    {
        "key": Key(),
        "name": Text(_max_length(Persona, "name"), required=True),
        "role": Text(_max_length(Persona, "role")),
        "age": Integer(0, OLDEST_AGE, nullable=True),
        "quote": Text(_max_length(Persona, "quote")),
        "bio": Text(limits.BIO_MAX_LENGTH),
        "goals": ITEMS,
        "frustrations": ITEMS,
        "needs": ITEMS,
        "channels": ListOf(Link("channel"), max_items=limits.CHANNELS_PER_JOURNEY),
    },
    optional=OPTIONAL_PERSONA_FIELDS,
)
TOUCHPOINT = Record(
    {
        "key": Key(),
        "persona": Link("persona"),
        "stage": Link("stage"),
        "channel": Link("channel"),
        "title": Text(_max_length(Touchpoint, "title"), required=True),
        "description": Text(limits.DESCRIPTION_MAX_LENGTH),
        "emotion": Integer(min(Emotion.values), max(Emotion.values)),
        "owner": Text(_max_length(Touchpoint, "owner")),
    }
)
COMMENT = Record(
    {
        "author": Text(_max_length(Comment, "author_name")),
        "body": Text(limits.COMMENT_MAX_LENGTH, required=True),
        "created_at": Timestamp(),
    }
)
FRICTION = Record(
    {
        "touchpoint": Link("touchpoint"),
        "title": Text(_max_length(FrictionNote, "title"), required=True),
        "description": Text(limits.DESCRIPTION_MAX_LENGTH),
        "severity": Choice(Severity),
        "status": Choice(Status),
        "comments": ListOf(COMMENT, max_items=limits.COMMENTS_PER_NOTE),
    }
)
HEADER = {"format": FormatName(), "version": Version()}
DOCUMENT = Record(
    {
        **HEADER,
        "language": Language(),
        "exported_at": Timestamp(),
        "journey": Record(
            {
                "title": Text(_max_length(Journey, "title"), required=True),
                "description": Text(limits.DESCRIPTION_MAX_LENGTH),
            }
        ),
        "stages": ListOf(STAGE, keys_of="stage", max_items=limits.STAGES_PER_JOURNEY),
        "channels": ListOf(CHANNEL, keys_of="channel", max_items=limits.CHANNELS_PER_JOURNEY),
        "personas": ListOf(PERSONA, keys_of="persona", max_items=limits.PERSONAS_PER_JOURNEY),
        "touchpoints": ListOf(TOUCHPOINT, keys_of="touchpoint", max_items=limits.CARDS_PER_JOURNEY),
        "frictions": ListOf(FRICTION, max_items=limits.CARDS_PER_JOURNEY * limits.NOTES_PER_CARD),
    }
)


def validate(document: Any) -> dict:
    """The document, cleaned for import, or InvalidJourneyFile listing every problem."""
    if not isinstance(document, dict):
        raise InvalidJourneyFile(
            [_("The file must hold one JSON object, not %(actual)s.") % {"actual": kind(document)}]
        )
    validation = Validation()
    # A file of another format or of a newer version would bury the one real reason under a
    # heap of field errors, so those two are checked, and reported, on their own.
    for name, field in HEADER.items():
        if name in document:
            field.clean(document[name], name, validation)
        else:
            validation.add(name, _("missing field"))
    validation.raise_if_any()
    cleaned = DOCUMENT.clean(document, "", validation)
    _check_crowding(cleaned, validation)
    validation.raise_if_any()
    return cleaned


def _check_crowding(document: dict, validation: Validation) -> None:
    """Cards per cell and notes per card, which no single record shows."""
    touchpoints, frictions = document.get("touchpoints"), document.get("frictions")
    if isinstance(touchpoints, list):
        cells: Counter = Counter()
        for index, entry in enumerate(touchpoints):
            if isinstance(entry, dict):
                cell = tuple(str(entry.get(name)) for name in ("persona", "stage", "channel"))
                cells[cell] += 1
                if cells[cell] == limits.CARDS_PER_CELL + 1:
                    validation.add(
                        f"touchpoints[{index}]",
                        _("more than %(limit)d cards in one cell (persona, stage and channel)")
                        % {"limit": limits.CARDS_PER_CELL},
                    )
    if isinstance(frictions, list):
        notes: Counter = Counter()
        for index, entry in enumerate(frictions):
            if isinstance(entry, dict):
                card = str(entry.get("touchpoint"))
                notes[card] += 1
                if notes[card] == limits.NOTES_PER_CARD + 1:
                    validation.add(
                        f"frictions[{index}]",
                        _("more than %(limit)d friction notes on touchpoint %(key)s")
                        % {"limit": limits.NOTES_PER_CARD, "key": show(card)},
                    )

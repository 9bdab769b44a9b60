"""The `parcours.journey` v1 schema, written as checks that report every problem with its path.

Each field of the schema is a small checker (maps/interchange/checks.py). Length limits come
from the models, so a file that passes fits them. The evidence lists (metrics, verbatims) are
optional: a file without them imports as before (maps/interchange/evidence_schema.py).
"""

import re
from typing import Any

from django.utils.translation import gettext as _

from journeys.models import Channel, Journey, Stage
from maps.interchange.checks import (
    Choice,
    Integer,
    InvalidJourneyFile,
    Key,
    Link,
    ListOf,
    Record,
    Text,
    Timestamp,
    Validation,
    kind_of,
    max_length_of,
    shown,
)
from maps.interchange.evidence_schema import EVIDENCE
from personas.models import OLDEST_AGE, Persona
from touchpoints.models import Comment, Emotion, FrictionNote, Severity, Status, Touchpoint

__all__ = ["FORMAT", "VERSION", "InvalidJourneyFile", "validate"]

FORMAT = "parcours.journey"
VERSION = 1
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


class Language(Text):
    def __init__(self) -> None:
        super().__init__(max_length_of(Journey, "language"), required=True)

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if isinstance(value, str) and not LANGUAGE_PATTERN.fullmatch(value):
            validation.add(
                path,
                _('%(value)s is not a language code such as "fr", "en" or "fr-CA"')
                % {"value": shown(value)},
            )
            return value
        return super().clean(value, path, validation)


class FormatName:
    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if value != FORMAT:
            validation.add(path, _("expected %(format)s") % {"format": shown(FORMAT)})
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


STAGE = Record(
    {
        "key": Key(),
        "name": Text(max_length_of(Stage, "name"), required=True),
        "description": Text(),
    }
)
CHANNEL = Record({"key": Key(), "name": Text(max_length_of(Channel, "name"), required=True)})
PERSONA = Record(
    {
        "key": Key(),
        "name": Text(max_length_of(Persona, "name"), required=True),
        "role": Text(max_length_of(Persona, "role")),
        "age": Integer(0, OLDEST_AGE, nullable=True),
        "quote": Text(max_length_of(Persona, "quote")),
        "bio": Text(),
        "goals": ListOf(Text()),
        "frustrations": ListOf(Text()),
        "needs": ListOf(Text()),
        "channels": ListOf(Link("channel")),
    }
)
TOUCHPOINT = Record(
    {
        "key": Key(),
        "persona": Link("persona"),
        "stage": Link("stage"),
        "channel": Link("channel"),
        "title": Text(max_length_of(Touchpoint, "title"), required=True),
        "description": Text(),
        "emotion": Integer(min(Emotion.values), max(Emotion.values)),
        "owner": Text(max_length_of(Touchpoint, "owner")),
    }
)
COMMENT = Record(
    {
        "author": Text(max_length_of(Comment, "author_name")),
        "body": Text(required=True),
        "created_at": Timestamp(),
    }
)
FRICTION = Record(
    {
        "touchpoint": Link("touchpoint"),
        "title": Text(max_length_of(FrictionNote, "title"), required=True),
        "description": Text(),
        "severity": Choice(Severity),
        "status": Choice(Status),
        "comments": ListOf(COMMENT),
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
                "title": Text(max_length_of(Journey, "title"), required=True),
                "description": Text(),
            }
        ),
        "stages": ListOf(STAGE, keys_of="stage"),
        "channels": ListOf(CHANNEL, keys_of="channel"),
        "personas": ListOf(PERSONA, keys_of="persona"),
        "touchpoints": ListOf(TOUCHPOINT, keys_of="touchpoint"),
        "frictions": ListOf(FRICTION),
        **EVIDENCE,
    },
    optional=frozenset(EVIDENCE),
)


def validate(document: Any) -> dict:
    """The document, cleaned for import, or InvalidJourneyFile listing every problem."""
    if not isinstance(document, dict):
        raise InvalidJourneyFile(
            [
                _("The file must hold one JSON object, not %(actual)s.")
                % {"actual": kind_of(document)}
            ]
        )
    validation = Validation()
    # A file of another format or of a newer version would bury the one real reason under a
    # heap of field errors, so those two are checked, and reported, on their own.
    for name, field in HEADER.items():
        if name in document:
            field.clean(document[name], name, validation)
        else:
            validation.add(name, _("missing field"))
    if validation.problems:
        raise InvalidJourneyFile(validation.problems)
    cleaned = DOCUMENT.clean(document, "", validation)
    if validation.problems:
        raise InvalidJourneyFile(validation.problems)
    return cleaned

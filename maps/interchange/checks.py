"""The checkers a journey file's schema is written with (maps/interchange/schema.py): each
field is a small checker whose `clean` returns the value to import (timestamps become aware
datetimes) and records what is wrong instead of stopping, so one pass over a file lists all of
its problems.
"""

import json
from datetime import datetime
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.keys import KEY_MAX_LENGTH

UNKNOWN_LINK = {
    "stage": gettext_lazy("unknown stage %(key)s"),
    "channel": gettext_lazy("unknown channel %(key)s"),
    "persona": gettext_lazy("unknown persona %(key)s"),
    "touchpoint": gettext_lazy("unknown touchpoint %(key)s"),
}


class InvalidJourneyFile(Exception):
    """A journey file that cannot be imported; `errors` lists every problem, path first."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


class Validation:
    """The problems found so far, and the keys each list defined, for checking links."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        # Schema order puts every list before the lists that link to it, so when a link is
        # checked its targets are known; a list that is missing or not a list has no entry here,
        # and links to it are not reported a second time.
        self.keys: dict[str, set[str]] = {}

    def add(self, path: str, problem: str) -> None:
        self.problems.append(_("%(path)s: %(problem)s") % {"path": path, "problem": problem})

    def wrong_type(self, path: str, expected: str, value: Any) -> None:
        problem = _("expected %(expected)s, got %(actual)s")
        self.add(path, problem % {"expected": expected, "actual": kind_of(value)})


def _member(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def shown(value: Any) -> str:
    """A value as it is written in the file, cut short so a huge value cannot flood the report."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else f"{text[:59]}…"


def kind_of(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return _("an integer")
    if isinstance(value, float):
        return _("a number with decimals")
    if isinstance(value, str):
        return _("a string")
    if isinstance(value, list):
        return _("a list")
    return _("an object")


def max_length_of(model: type[models.Model], field: str) -> int:
    return model._meta.get_field(field).max_length


class Text:
    def __init__(self, max_length: int | None = None, *, required: bool = False) -> None:
        self.max_length = max_length
        self.required = required

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if not isinstance(value, str):
            validation.wrong_type(path, _("a string"), value)
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
        super().__init__(KEY_MAX_LENGTH, required=True)

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        super().clean(value, path, validation)
        if isinstance(value, str) and value.strip() and any(c.isspace() for c in value):
            validation.add(
                path, _("%(key)s contains a space or line break") % {"key": shown(value)}
            )
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
            validation.add(path, UNKNOWN_LINK[self.kind] % {"key": shown(value)})
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
                % {"value": shown(value), "minimum": self.minimum, "maximum": self.maximum},
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
                % {"value": shown(value), "choices": ", ".join(self.values)},
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
                path, _("%(value)s is not an ISO 8601 date and time") % {"value": shown(value)}
            )
            return value
        if moment.tzinfo is None:
            # Without an offset the same file would mean different moments on different servers.
            validation.add(
                path,
                _("%(value)s needs a timezone, such as Z or +01:00") % {"value": shown(value)},
            )
        return moment


class Record:
    """A JSON object with exactly these fields; `clean` returns them in the schema's order.

    A field named in `optional` may be left out (fields added after v1 was published); it is
    then left out of the cleaned record too.
    """

    def __init__(self, fields: dict[str, Any], optional: frozenset[str] = frozenset()) -> None:
        self.fields = fields
        self.optional = optional

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
            elif name not in self.optional:
                validation.add(_member(path, name), _("missing field"))
        for name in value:
            if name not in self.fields:
                validation.add(_member(path, name), _("unknown field"))
        return cleaned


class ListOf:
    """A JSON list; with `keys_of`, a list of records whose keys must be unique."""

    def __init__(self, item: Any, *, keys_of: str | None = None) -> None:
        self.item = item
        self.keys_of = keys_of

    def clean(self, value: Any, path: str, validation: Validation) -> Any:
        if not isinstance(value, list):
            validation.wrong_type(path, _("a list"), value)
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
                        _member(item_path, "key"), _("duplicate key %(key)s") % {"key": shown(key)}
                    )
                # Even a malformed key is remembered, so links to it are not reported again.
                keys.add(key)
        return cleaned

"""Reading a journey file's bytes: size, encoding and JSON syntax come before the schema."""

import json
from collections import Counter
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from maps.interchange.evidence_schema import JOURNEY_FILE
from maps.interchange.schema import InvalidJourneyFile, validate


class _Members(dict):
    """A JSON object that remembers the member names it saw more than once."""

    duplicates: tuple[str, ...] = ()


def _members(pairs: list[tuple[str, Any]]) -> _Members:
    # A plain dict would keep the last of two "title" members without a word; the schema
    # reports them instead, at the path where they occur.
    members = _Members(pairs)
    if len(members) < len(pairs):
        counts = Counter(name for name, _value in pairs)
        members.duplicates = tuple(name for name, count in counts.items() if count > 1)
    return members


def parse_journey_file(data: bytes) -> dict:
    """The validated document of a `parcours.journey` file, ready for import.

    Timestamps come back as aware datetimes. Raises InvalidJourneyFile listing every problem.
    """
    limit = settings.JOURNEY_FILE_MAX_BYTES
    if len(data) > limit:
        raise InvalidJourneyFile(
            [
                _("The file is larger than %(limit)s, the most a journey file may hold.")
                % {"limit": filesizeformat(limit)}
            ]
        )
    try:
        # Some Windows editors start UTF-8 files with a byte-order mark; it is not content.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidJourneyFile(
            [
                _("The file is not UTF-8 text: byte %(offset)d cannot be read.")
                % {"offset": error.start}
            ]
        ) from None
    try:
        document = json.loads(text, object_pairs_hook=_members)
    except json.JSONDecodeError as error:
        raise InvalidJourneyFile(
            [
                _("The file is not valid JSON: %(reason)s at line %(line)d, column %(column)d.")
                % {"reason": error.msg, "line": error.lineno, "column": error.colno}
            ]
        ) from None
    except (ValueError, RecursionError):
        # Valid JSON that Python will not build: integers thousands of digits long, or lists
        # nested thousands deep. No journey file looks like that.
        raise InvalidJourneyFile(
            [_("The file holds numbers too long or nesting too deep to be a journey file.")]
        ) from None
    return validate(document, JOURNEY_FILE)

"""The optional fields of a persona in a journey file: its initials' colour and its photo.

Both are checked as the persona editor checks them (personas/models.py, personas/photos.py), so
a file cannot bring in what a person could not upload. Like the checkers of schema.py, which
uses these, `clean` records problems on the file's validation and returns the value to import.
"""

import base64
import binascii
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from personas.models import validate_avatar_colour
from personas.photos import photo_from_bytes


def _report(error: ValidationError, path: str, validation) -> None:
    for message in error.messages:
        validation.add(path, message)


class Colour:
    """ "#rrggbb" in lower case, dark enough for white initials."""

    def clean(self, value: Any, path: str, validation) -> Any:
        if not isinstance(value, str):
            validation.wrong_type(path, _("a string"), value)
            return value
        try:
            validate_avatar_colour(value)
        except ValidationError as error:
            _report(error, path, validation)
        return value


class Photo:
    """A JPEG, PNG or WebP image as base64 text; cleaned into the file to store."""

    def clean(self, value: Any, path: str, validation) -> Any:
        if not isinstance(value, str):
            validation.wrong_type(path, _("a string"), value)
            return value
        try:
            data = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            validation.add(path, _("not base64 text"))
            return value
        limit = settings.PERSONA_PHOTO_MAX_BYTES
        if len(data) > limit:
            validation.add(
                path,
                _("a photo of %(size)s; a photo may be at most %(limit)s")
                % {"size": filesizeformat(len(data)), "limit": filesizeformat(limit)},
            )
            return value
        try:
            return photo_from_bytes(data)
        except ValidationError as error:
            _report(error, path, validation)
            return value


OPTIONAL_PERSONA_FIELDS = {"colour": Colour(), "photo": Photo()}

"""Persona photos: what an upload must be, and the clean square copy that is stored instead.

Nothing about an upload is trusted: not its name, not the content type the browser sent. Pillow
reads the bytes; only a complete JPEG, PNG or WebP image gets through, and what is stored is a
new image drawn from its pixels, so no metadata (GPS position, camera, author) survives.
"""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from core.limits import PHOTO_MAX_PIXELS

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
# The stored copy: big enough for the printed persona card, small enough for every page.
STORED_SIZE = 512
STORED_QUALITY = 85
# Guards against decompression bombs: a small file that would unpack into gigabytes of pixels.
# The size is read from the file's header, before a single pixel is decoded.
MAX_PIXELS = PHOTO_MAX_PIXELS

NOT_AN_IMAGE = _(
    "This file is not a JPEG, PNG or WebP image. Choose a photo in one of those formats."
)
TOO_MANY_PIXELS = _("This image has too many pixels; use a photo under 25 megapixels.")
DAMAGED = _("This image is damaged or incomplete, so it cannot be used. Try exporting it again.")


def prepare_photo(upload) -> ContentFile:
    """The stored copy of an uploaded photo: square, at most 512 px, JPEG, without metadata.

    Raises ValidationError with a message for the person uploading when the file is refused.
    """
    limit = settings.PERSONA_PHOTO_MAX_BYTES
    # The size comes from the upload handler, so an oversized file is refused unread.
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; a photo may be at most %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    image = _open_verified(upload)
    image = ImageOps.exif_transpose(image)  # a phone's portrait stays upright without its EXIF
    side = min(STORED_SIZE, *image.size)
    square = ImageOps.fit(_on_white(image), (side, side), Image.Resampling.LANCZOS)
    output = io.BytesIO()
    # A new file from the pixels alone: no exif, icc_profile or comment is passed, so none is kept.
    square.save(output, format="JPEG", quality=STORED_QUALITY, optimize=True)
    return ContentFile(output.getvalue())


def _open_verified(upload) -> Image.Image:
    try:
        with warnings.catch_warnings():
            # Pillow only warns below twice its own limit; ours is stricter and an error.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            probe = Image.open(upload)
            if probe.format not in ACCEPTED_FORMATS:
                raise ValidationError(NOT_AN_IMAGE, code="format")
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")
            # verify() checks the file's structure and checksums, then leaves the image unusable;
            # load() on a fresh copy decodes every pixel, which is what finds a truncated JPEG.
            probe.verify()
            upload.seek(0)
            image = Image.open(upload)
            image.load()
    except ValidationError:
        raise
    except Image.UnidentifiedImageError as error:
        raise ValidationError(NOT_AN_IMAGE, code="format") from error
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels") from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(DAMAGED, code="damaged") from error
    return image


def _on_white(image: Image.Image) -> Image.Image:
    """The image in RGB; a transparent PNG or WebP is laid on white, as the pages show it."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


# What Pillow reports of a JPEG's own structure; anything else in `info` (exif, icc_profile,
# comment, xmp…) is metadata, which a stored photo never keeps.
STRUCTURE_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive"}


def photo_from_bytes(data: bytes) -> ContentFile:
    """The stored copy of a photo that came as bytes (a journey file's persona photo), checked
    like an upload. A JPEG already as this app stores them (square, at most 512 px, without
    metadata) is kept byte for byte, so a photo survives export and import unchanged; any other
    image is redrawn as `prepare_photo` does."""
    upload = ContentFile(data)
    prepared = prepare_photo(upload)
    upload.seek(0)
    with Image.open(upload) as image:
        width, height = image.size
        as_stored = (
            image.format == "JPEG"
            and image.mode == "RGB"
            and width == height <= STORED_SIZE
            and set(image.info) <= STRUCTURE_INFO
        )
    return ContentFile(data) if as_stored else prepared

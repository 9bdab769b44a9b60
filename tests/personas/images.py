"""Image files made on the spot for upload tests."""

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

ARTIST_TAG = 0x013B
ORIENTATION_TAG = 0x0112


def image_bytes(fmt: str = "JPEG", size=(640, 480), mode: str = "RGB", **save_options) -> bytes:
    """A photo-like image (noise, so compression cannot shrink it to nothing)."""
    rng = random.Random(size[0] * size[1])
    image = Image.frombytes(mode, size, rng.randbytes(size[0] * size[1] * len(mode)))
    output = io.BytesIO()
    image.save(output, format=fmt, **save_options)
    return output.getvalue()


def jpeg_with_metadata(size=(600, 300), orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[ARTIST_TAG] = "Secret Photographer"
    exif[ORIENTATION_TAG] = orientation
    return image_bytes("JPEG", size, exif=exif.tobytes())


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)

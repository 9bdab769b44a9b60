"""Persona photos on S3-compatible storage, as several app servers share them.

A real S3 emulator (moto's server) runs on a free loopback port for these tests; the storage is
configured from the environment exactly as a deployment's is (config/storage.py).
"""

import io
import socket
import subprocess
import sys
import time

import boto3
import pytest
from django.core.files.storage import storages
from django.urls import reverse
from PIL import Image
from storages.backends.s3 import S3Storage

from config.storage import S3_BACKEND, uploads_storage
from tests.personas.images import image_bytes, upload

BUCKET = "parcours-photos"
KEYS = {"PARCOURS_S3_ACCESS_KEY_ID": "testing", "PARCOURS_S3_SECRET_ACCESS_KEY": "testing"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server on loopback, with an empty private bucket."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert server.poll() is None, "moto's server stopped at once"
            assert time.monotonic() < deadline, "moto's server did not answer within 30 s"
            time.sleep(0.1)
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def s3_settings(s3_endpoint, settings, monkeypatch):
    """The uploads storage as an app server configured for the bucket reads it at start."""
    endpoint, _client = s3_endpoint
    for name, value in {
        **KEYS,
        "PARCOURS_S3_BUCKET": BUCKET,
        "PARCOURS_S3_ENDPOINT_URL": endpoint,
        "PARCOURS_S3_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, "default": uploads_storage()}
    return settings.STORAGES["default"]


def test_without_a_bucket_uploads_stay_local_files(monkeypatch):
    monkeypatch.delenv("PARCOURS_S3_BUCKET", raising=False)

    assert uploads_storage() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_photo_uploaded_through_one_server_is_read_through_another(
    client, editor, viewer, outsider, persona, s3_endpoint, s3_settings
):
    _endpoint, s3 = s3_endpoint
    assert s3_settings["BACKEND"] == S3_BACKEND
    assert isinstance(storages["default"], S3Storage)
    client.force_login(editor)
    url = reverse("personas:photo_upload", args=[persona.workspace.slug, persona.pk])

    response = client.post(url, {"photo": upload("face.png", image_bytes("PNG"))})

    assert response.status_code == 302
    persona.refresh_from_db()
    stored = s3.get_object(Bucket=BUCKET, Key=persona.photo.name)["Body"].read()
    assert Image.open(io.BytesIO(stored)).format == "JPEG"
    # Another app server: its own storage, built from the same environment, nothing shared.
    other_server = S3Storage(**s3_settings["OPTIONS"])
    with other_server.open(persona.photo.name) as photo:
        assert photo.read() == stored
    photo_url = reverse(
        "personas:photo", args=[persona.workspace.slug, persona.pk, persona.photo_filename]
    )
    client.force_login(viewer)
    response = client.get(photo_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content) == stored
    client.force_login(outsider)
    assert client.get(photo_url).status_code == 404


def test_a_photo_missing_from_the_bucket_is_not_found(
    client, viewer, persona, s3_endpoint, s3_settings
):
    _endpoint, s3 = s3_endpoint
    persona.photo = "personas/gone.jpg"
    persona.save()
    client.force_login(viewer)

    response = client.get(
        reverse("personas:photo", args=[persona.workspace.slug, persona.pk, "gone.jpg"])
    )

    assert response.status_code == 404
    assert "Contents" not in s3.list_objects_v2(Bucket=BUCKET, Prefix="personas/gone")

"""Where uploads (persona photos) are stored: local files, or S3-compatible storage.

With several app servers behind a load balancer, a photo uploaded through one must be readable
through every other: naming a bucket in `PARCOURS_S3_BUCKET` sends uploads there, through
django-storages. Without it they stay in MEDIA_ROOT, as `make run` wants. Photos are never
public either way: the bucket stays private and personas/ views serve them to members only.
"""

from config.env import env_str

S3_BACKEND = "storages.backends.s3.S3Storage"


def uploads_storage() -> dict:
    """The `default` entry of STORAGES, read from the environment."""
    bucket = env_str("PARCOURS_S3_BUCKET", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    # Unset values fall back to boto3's own lookup (AWS_* variables, an instance's role).
    options = {
        "bucket_name": bucket,
        "endpoint_url": env_str("PARCOURS_S3_ENDPOINT_URL", "") or None,
        "region_name": env_str("PARCOURS_S3_REGION", "") or None,
        "access_key": env_str("PARCOURS_S3_ACCESS_KEY_ID", "") or None,
        "secret_key": env_str("PARCOURS_S3_SECRET_ACCESS_KEY", "") or None,
        "location": env_str("PARCOURS_S3_PREFIX", ""),
        # Names are random per upload (personas.models.new_photo_name): never overwrite one.
        "file_overwrite": False,
    }
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}

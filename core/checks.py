"""System checks run by `manage.py check` (with or without --deploy), `runserver` and, through
config/wsgi.py and config/asgi.py, by every app server as it starts."""

from django.conf import settings
from django.core import checks

# The values .env.example and old READMEs suggested: a key anyone can read forges sessions.
EXAMPLE_SECRET_KEYS = {
    "change-me",
    "changeme",
    "secret",
    "dev-only-insecure-key-do-not-use-in-production",
}
MIN_SECRET_KEY_LENGTH = 50


@checks.register(checks.Tags.security)
def secret_key_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    if settings.DEBUG:
        return []
    key = settings.SECRET_KEY
    if key in EXAMPLE_SECRET_KEYS or len(key) < MIN_SECRET_KEY_LENGTH:
        return [
            checks.Error(
                "SECRET_KEY is an example value or shorter than 50 characters.",
                hint='Set a random one: python -c "import secrets; '
                'print(secrets.token_urlsafe(50))"',
                id="parcours.E001",
            )
        ]
    return []


def refuse_unsafe_settings() -> None:
    """Stop an app server from starting with settings that the checks above refuse."""
    from django.core.exceptions import ImproperlyConfigured

    errors = secret_key_check()
    if errors:
        raise ImproperlyConfigured(f"{errors[0].msg} {errors[0].hint}")

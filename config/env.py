"""Typed reading of environment variables.

A malformed value stops the process with a message naming the variable, rather than letting a
typo such as DEBUG=flase quietly mean something else in production.
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use true or false.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_database(name: str, default: str) -> dict:
    import dj_database_url

    raw = os.environ.get(name) or default
    try:
        config = dj_database_url.parse(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} is not a valid database URL: {error}") from None
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(f"{name}={raw!r}: unknown database scheme.")
    pool_size = env_int("DATABASE_POOL_SIZE", 10)
    if config["ENGINE"] == "django.db.backends.postgresql" and pool_size > 0:
        # Under the ASGI server every request runs in a thread of its own: persistent
        # connections would stay open with their dead threads until PostgreSQL refuses new
        # clients (50 editors did it). A pool per process bounds them; a request past the
        # pool's size waits for a connection, up to `timeout` seconds. Connections are not tried
        # before each loan (a round trip per request, 3 % of the server's time under load): one
        # broken by a database restart fails one request and is dropped.
        config["OPTIONS"] = config.get("OPTIONS", {}) | {
            "pool": {
                "min_size": 2,
                "max_size": pool_size,
                "timeout": 20,
            }
        }
    if config["ENGINE"] == "django.db.backends.postgresql" and env_bool(
        "DATABASE_PREPARED_STATEMENTS", True
    ):
        # Values bound by PostgreSQL rather than quoted into the SQL by Python, so a query run
        # 5 times on a pooled connection is planned once: the map page 50-55 -> 46-50 ms and
        # an edit 24-27 -> 19-21 ms (wall, one sitting). A pooler in transaction mode
        # (PgBouncer) keeps no prepared statement across transactions: turn it off there.
        config["OPTIONS"] = config.get("OPTIONS", {}) | {
            "server_side_binding": True,
            "prepare_threshold": 5,
        }
    return config

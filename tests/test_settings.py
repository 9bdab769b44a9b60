"""The settings module read in fresh processes, as a deployment would start it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k" * 20 + "-production-secret-with-enough-entropy-0123456789",
    "ALLOWED_HOSTS": "parcours.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://parcours.example.com",
    "DATABASE_URL": "postgres://parcours:secret@db.internal:5432/parcours",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a "production" process.
    leaked = {*PRODUCTION, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in leaked}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_deploy_is_clean_with_production_values():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_malformed_boolean_stops_with_its_name():
    result = manage("check", DEBUG="flase")
    assert result.returncode != 0
    assert "DEBUG='flase' is not a boolean" in result.stderr


def test_a_malformed_database_url_stops_with_its_name():
    result = manage("check", DATABASE_URL="mysqlx://what")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_the_example_secret_key_fails_the_check_with_debug_off():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": "change-me"})
    assert result.returncode != 0
    assert "parcours.E001" in result.stderr


def test_a_short_secret_key_fails_the_deploy_check():
    result = manage("check", "--deploy", **{**PRODUCTION, "SECRET_KEY": "s" * 49})
    assert result.returncode != 0
    assert "SECRET_KEY is an example value or shorter than 50 characters" in result.stderr


def test_an_app_server_refuses_to_start_with_the_example_secret_key():
    env = {**PRODUCTION, "SECRET_KEY": "change-me"}
    leaked = {*PRODUCTION, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in leaked}
    result = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert "SECRET_KEY is an example value" in result.stderr


def test_debug_keeps_its_development_key():
    result = manage("check", DEBUG="true")
    assert result.returncode == 0, result.stderr


def test_postgresql_binds_values_itself_unless_told_not_to(monkeypatch):
    from config.env import env_database

    url = PRODUCTION["DATABASE_URL"]
    monkeypatch.setenv("PARCOURS_TEST_DB", url)
    options = env_database("PARCOURS_TEST_DB", url)["OPTIONS"]
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5
    monkeypatch.setenv("DATABASE_PREPARED_STATEMENTS", "false")
    assert "server_side_binding" not in env_database("PARCOURS_TEST_DB", url).get("OPTIONS", {})
    assert "server_side_binding" not in env_database("NONE", "sqlite:///x.db").get("OPTIONS", {})

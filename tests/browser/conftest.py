"""Playwright fixtures: one Debian Chromium for the session, a fresh context for each test."""

import os

import pytest
from playwright.sync_api import expect, sync_playwright

# Playwright's sync API runs an event loop in this thread; Django refuses database access from a
# thread with a running loop unless told that this is deliberate.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# Assertions wait as long as actions do: on a busy 2-core machine, a request and the swap that
# follows can take longer than Playwright's 5 s default.
expect.set_options(timeout=10_000)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()

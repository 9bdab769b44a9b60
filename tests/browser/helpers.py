"""Helpers of the browser tests that are not fixtures (those are in tests/browser/conftest.py)."""

from django.urls import reverse

from tests.factories import PASSWORD


def log_in(page, live_server, user):
    login = live_server.url + reverse("login")
    page.goto(login)
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    # Logged in once the page has left the login form: a test that reloads or reads the URL
    # straight away would otherwise catch the navigation half-way.
    page.wait_for_url(lambda url: not url.startswith(login))

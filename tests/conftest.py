"""Fixtures shared by the test folders: a workspace and its members, a journey map with its
cards and notes, and uploads kept in memory. Helpers that are not fixtures live in importable
modules: tests/factories.py, tests/htmx.py and each folder's helpers.py."""

import pytest
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.utils import translation

from tests.factories import MembershipFactory, UserFactory, WorkspaceFactory, build_map
from workspaces.models import Role

# The asserts of the helper modules explain their failures as the tests' own asserts do (the
# modules are imported later, by the tests).
pytest.register_assert_rewrite("tests.htmx", "tests.maps.picture.helpers")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The fixture users' passwords, hashed in microseconds instead of a third of a second each:
    the tests are about the product, not about how hard a password is to crack."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def default_language():
    """A request in French leaves French active in the test's thread (LocaleMiddleware sets it
    for the request and nothing resets it after): the next test starts in the default one."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def fresh_fragments():
    """Each test starts with no part of a map drawn (maps/fragments.py): a test database may
    give a new row the id an earlier test's row had, which a real database never does."""
    caches["fragments"].clear()


@pytest.fixture
def workspace(db):
    return WorkspaceFactory()


def _member(workspace, role):
    return MembershipFactory(workspace=workspace, role=role).user


@pytest.fixture
def owner(workspace):
    return _member(workspace, Role.OWNER)


@pytest.fixture
def editor(workspace):
    return _member(workspace, Role.EDITOR)


@pytest.fixture
def commenter(workspace):
    return _member(workspace, Role.COMMENTER)


@pytest.fixture
def viewer(workspace):
    return _member(workspace, Role.VIEWER)


@pytest.fixture
def outsider(db):
    """A user with a workspace of their own, who is not a member of `workspace`."""
    user = UserFactory()
    MembershipFactory(user=user, role=Role.OWNER)
    return user


@pytest.fixture
def marie(workspace):
    """A viewer with a two-word name, for mentions."""
    return MembershipFactory(workspace=workspace, role=Role.VIEWER, user__name="Marie Dupont").user


@pytest.fixture
def journey(workspace):
    return build_map(workspace)


@pytest.fixture
def card(journey):
    return journey.touchpoints.order_by("pk").first()


@pytest.fixture
def note(card):
    """The card's open, high-severity friction (it also has a resolved critical one)."""
    return card.frictions.get(status="open")


@pytest.fixture
def storage(settings):
    """Uploads kept in memory for the test, so what was stored (or not) can be listed."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    return default_storage

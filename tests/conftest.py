import pytest

from tests.factories import MembershipFactory, UserFactory, WorkspaceFactory
from workspaces.models import Role


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The fixture users' passwords, hashed in microseconds instead of a third of a second each:
    the tests are about the product, not about how hard a password is to crack."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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

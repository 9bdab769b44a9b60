import pytest

from workspaces.models import ROLES_ALLOWED, Action, Membership, Role

# DESIGN.md's role table, written out independently of ROLES_ALLOWED.
EXPECTED = {
    Role.VIEWER: {Action.READ, Action.EXPORT},
    Role.COMMENTER: {Action.READ, Action.EXPORT, Action.COMMENT},
    Role.EDITOR: {Action.READ, Action.EXPORT, Action.COMMENT, Action.EDIT},
    Role.OWNER: set(Action),
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_do_exactly_what_design_says(role):
    membership = Membership(role=role)
    assert {action for action in Action if membership.may(action)} == EXPECTED[role]


def test_every_action_has_a_rule():
    assert set(ROLES_ALLOWED) == set(Action)

"""The one way views reach workspace data: through the user's membership.

Each layer has its own helpers built on `get_membership` (personas/access.py, journeys/access.py,
touchpoints/access.py). Each scopes by the user's memberships: an outsider gets 404 (the object
might as well not exist), a member whose role does not allow the action gets 403, and roles are
decided in one table (workspaces.models.ROLES_ALLOWED). Views never fetch by bare pk.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.compiled import CompiledQuery
from workspaces.models import Action, Invitation, Membership

# Reached by every request in a workspace: compiled once (core/compiled.py says why).
_MEMBERSHIP = CompiledQuery(
    lambda slug, user_id: (
        Membership.objects.select_related("workspace")
        .filter(workspace__slug=slug, user_id=user_id)
        .order_by()[:1]
    )
)


def get_membership(user, slug: str, action: Action = Action.READ) -> Membership:
    if not user.is_authenticated:
        raise Http404
    membership = _MEMBERSHIP.first(slug, user.pk)
    if membership is None:
        raise Http404
    if not membership.may(action):
        raise PermissionDenied
    return membership


def get_member(membership: Membership, pk: int) -> Membership:
    """Another membership of the same workspace, for the members page."""
    return get_object_or_404(
        Membership.objects.select_related("user", "workspace").filter(
            workspace=membership.workspace
        ),
        pk=pk,
    )


def get_invitation(membership: Membership, pk: int) -> Invitation:
    """A pending invitation of the same workspace, for its owners."""
    return get_object_or_404(Invitation.objects.filter(workspace=membership.workspace), pk=pk)

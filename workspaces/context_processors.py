from django.utils.functional import SimpleLazyObject

from core.compiled import CompiledQuery
from workspaces.models import Workspace

# On every page's header: compiled once (core/compiled.py says why).
_MY_WORKSPACES = CompiledQuery(lambda user_id: Workspace.objects.filter(memberships__user=user_id))


def workspaces(request) -> dict:
    """The signed-in user's workspaces, for the switcher in the page header: read only by a
    page that draws it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"my_workspaces": SimpleLazyObject(lambda: _MY_WORKSPACES.objects(user.pk))}

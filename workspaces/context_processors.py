from workspaces.models import Workspace


def workspaces(request) -> dict:
    """The signed-in user's workspaces, for the switcher in the page header."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"my_workspaces": Workspace.objects.for_user(user)}

"""How views reach a persona: through the user's membership (workspaces/access.py)."""

from django.shortcuts import get_object_or_404

from personas.models import Persona
from workspaces.access import get_membership
from workspaces.models import Action


def get_persona(user, slug: str, pk: int, action: Action = Action.READ):
    membership = get_membership(user, slug, action)
    persona = get_object_or_404(Persona.objects.filter(workspace=membership.workspace), pk=pk)
    persona.workspace = membership.workspace
    return persona, membership

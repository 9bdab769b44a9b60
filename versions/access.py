"""How views reach a version or a workspace's template: through the journey or the membership
(journeys/access.py, workspaces/access.py), never by bare id."""

from django.shortcuts import get_object_or_404

from journeys.access import get_journey
from versions.models import JourneyTemplate
from workspaces.access import get_membership
from workspaces.models import Action


def get_version(user, slug: str, pk: int, version_pk: int, action: Action = Action.READ):
    """The version `version_pk` of journey `pk`, and the membership: (version, membership)."""
    journey, membership = get_journey(user, slug, pk, action)
    version = get_object_or_404(journey.versions.select_related("created_by"), pk=version_pk)
    version.journey = journey
    return version, membership


def get_template(user, slug: str, template_pk: int, action: Action = Action.READ):
    membership = get_membership(user, slug, action)
    template = get_object_or_404(
        JourneyTemplate.objects.filter(workspace=membership.workspace), pk=template_pk
    )
    return template, membership

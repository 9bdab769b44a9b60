"""What pages outside the versions app show of it: `{% load version_tags %}`."""

from django import template

from versions import pairs

register = template.Library()


@register.simple_tag
def journey_counterpart(journey):
    """The other journey of `journey`'s as-is/to-be pair, or None (one query)."""
    return pairs.counterpart(journey)


@register.simple_tag
def journey_pairs(journeys) -> dict:
    """Each listed journey's counterpart by journey id, in one query."""
    return pairs.pairs_of(journeys)


@register.filter
def pair_for(found: dict, journey):
    return found.get(journey.pk)

"""The map's cards and badges, built in Python (maps/cards.py says why): `{% load map_tags %}`."""

from django import template

from maps import cards, curve_figure

register = template.Library()


@register.simple_tag(takes_context=True)
def touchpoint_card(context, touchpoint) -> str:
    """A card of the map (journeys/cards.py says why it is built in Python)."""
    return cards.touchpoint_card(
        touchpoint, context["journey_url"], context["journey"].language, context["labels"]
    )


@register.simple_tag
def frictions_badge(frictions) -> str:
    return cards.frictions_badge(frictions)


@register.filter
def plotly_figure(curve) -> dict:
    """The emotion curve as a plotly figure, for `json_script` (maps/curve_figure.py)."""
    return curve_figure.figure(curve)

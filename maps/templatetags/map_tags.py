"""The map's cards and badges, built in Python (maps/cards.py says why): `{% load map_tags %}`."""

from django import template

from maps import curve_figure, touchpoint_html

register = template.Library()


@register.simple_tag(takes_context=True)
def touchpoint_card(context, touchpoint) -> str:
    """A card of the map (maps/cards.py says why it is built in Python)."""
    return touchpoint_html.touchpoint_card(
        touchpoint, context["card_url_template"], context["journey"].language, context["labels"]
    )


@register.simple_tag
def frictions_badge(frictions) -> str:
    return touchpoint_html.frictions_badge(frictions)


@register.filter
def plotly_figure(curve) -> dict:
    """The emotion curve as a plotly figure, for `json_script` (maps/curve_figure.py)."""
    return curve_figure.figure(curve)

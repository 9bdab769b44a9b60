"""Display helpers for channels and stages: `{% load journey_tags %}`."""

from django import template

from journeys.channel_icons import CHANNEL_EMOJI, icon_for
from journeys.models import Channel

register = template.Library()


@register.filter
def channel_emoji(name: str) -> str:
    """The emoji of a channel known only by name, as a persona's preferred channels are."""
    return CHANNEL_EMOJI[icon_for("", name)]


@register.filter
def axis_name(part) -> str:
    """ "stage" or "channel": the map's stage and channel headers share their menus and forms."""
    return "channel" if isinstance(part, Channel) else "stage"

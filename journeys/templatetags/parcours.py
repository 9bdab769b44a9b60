"""Small display helpers shared by the journey and persona pages."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from touchpoints.models import CHANNEL_EMOJI, icon_for

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    """A language in its own name ("Français"); a code Django does not know is shown as is."""
    try:
        return capfirst(get_language_info(code)["name_local"])
    except KeyError:
        return code


@register.filter
def channel_emoji(name: str) -> str:
    """The emoji of a channel known only by name, as a persona's preferred channels are."""
    return CHANNEL_EMOJI[icon_for("", name)]


@register.filter
def signed(number: float, digits: int = 1) -> str:
    """A localised number with its sign, as "+1.5", "−0.7" (a true minus) or "0.0"."""
    text = floatformat(number, digits)
    if text.startswith("-"):
        return "\N{MINUS SIGN}" + text[1:]
    return f"+{text}" if number > 0 and text.strip("0.,") else text

"""Small display helpers shared by the journey and persona pages."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.text import capfirst
from django.utils.translation import get_language_info

from journeys import cards
from touchpoints.board_rows import board_rows as rows_html
from touchpoints.forms import NewFrictionNoteForm
from touchpoints.models import CHANNEL_EMOJI, EMOTION_EMOJI, Channel, icon_for

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


@register.filter
def emotion_emoji(value) -> str:
    return EMOTION_EMOJI.get(int(value), "")


@register.filter
def axis_name(part) -> str:
    """ "stage" or "channel": the map's stage and channel headers share their menus and forms."""
    return "channel" if isinstance(part, Channel) else "stage"


@register.filter
def field_value(obj, name: str):
    """A field of `obj` as people read it: the label of a choice, the value otherwise."""
    display = getattr(obj, f"get_{name}_display", None)
    return display() if display else getattr(obj, name)


@register.simple_tag(takes_context=True)
def touchpoint_card(context, touchpoint) -> str:
    """A card of the map (journeys/cards.py says why it is built in Python)."""
    return cards.touchpoint_card(
        touchpoint, context["journey_url"], context["journey"].language, context["labels"]
    )


@register.simple_tag
def frictions_badge(frictions) -> str:
    return cards.frictions_badge(frictions)


@register.simple_tag
def new_friction_form(bound=None):
    """The "add a friction" form: the one that came back with errors, or an empty one."""
    return bound or NewFrictionNoteForm()


@register.simple_tag
def board_rows(notes) -> str:
    """The friction board's rows (touchpoints/board_rows.py says why they are built in Python)."""
    return rows_html(notes)

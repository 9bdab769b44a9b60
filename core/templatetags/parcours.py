"""Display helpers any page may use: `{% load parcours %}`. Each layer adds its own library
(journey_tags, touchpoint_tags, map_tags) for what only its pages show."""

from functools import lru_cache
from html import escape

from django import template
from django.template.defaultfilters import floatformat
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info

from core import urls

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    """A language in its own name ("Français"); a code Django does not know is shown as is."""
    try:
        return capfirst(get_language_info(code)["name_local"])
    except KeyError:
        return code


@register.filter
def signed(number: float, digits: int = 1) -> str:
    """A localised number with its sign, as "+1.5", "−0.7" (a true minus) or "0.0"."""
    return _signed(number, digits, get_language())


@lru_cache(maxsize=1024)
def _signed(number: float, digits: int, language: str | None) -> str:
    # Cached per language: `floatformat` costs about 35 µs, and a curve repeats a few numbers.
    text = floatformat(number, digits)
    if text.startswith("-"):
        return "\N{MINUS SIGN}" + text[1:]
    return f"+{text}" if number > 0 and text.strip("0.,") else text


@register.simple_tag
def emotion_chip(value: int, label, emoji: str, average: float | None = None) -> SafeString:
    """An emotion as emoji + word (+ the average when given), coloured by its value: never
    colour alone. Written out here rather than included: a map draws sixteen, and including a
    template cost Django's engine about 0.15 ms each."""
    number = "" if average is None else f' <span class="chip-number">{signed(average)}</span>'
    return mark_safe(  # safe: the number and the emoji are ours, the word is escaped
        f'<span class="chip chip--emotion" data-emotion="{escape(str(value))}">'
        f'<span aria-hidden="true">{escape(emoji)}</span> {escape(str(label))}{number}</span>'
    )


@register.simple_tag
def url_template(name: str, *args) -> str:
    """`{% url_template 'journeys:card_move' slug journey.pk %}`: that URL with "{id}" for the
    last id, for a script to fill in (core/urls.py)."""
    return urls.url_template(name, *args)

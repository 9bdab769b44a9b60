"""Display helpers for cards and friction notes: `{% load touchpoint_tags %}`."""

from django import template

from touchpoints.board_rows import board_rows as rows_html
from touchpoints.forms import NewFrictionNoteForm
from touchpoints.models import EMOTION_EMOJI

register = template.Library()


@register.filter
def emotion_emoji(value) -> str:
    return EMOTION_EMOJI.get(int(value), "")


@register.simple_tag
def new_friction_form(bound=None):
    """The "add a friction" form: the one that came back with errors, or an empty one."""
    return bound or NewFrictionNoteForm()


@register.simple_tag
def board_rows(notes) -> str:
    """The friction board's rows (touchpoints/board_rows.py says why they are built in Python)."""
    return rows_html(notes)

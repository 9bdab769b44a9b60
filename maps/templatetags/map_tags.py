"""The map's cells, cards and badges, built in Python (maps/touchpoint_html.py says why):
`{% load map_tags %}`."""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from maps import curve_figure, touchpoint_html

register = template.Library()


@register.simple_tag(takes_context=True)
def map_cell(context, cell) -> str:
    """A cell of the map with its cards; its "add a card" form, when open, is the map's
    `add_card_form` partial."""
    editing = context["can_edit"] and context["chosen"]
    form = ""
    if editing and (context.get("add_form") or cell.dom_id == context.get("adding")):
        partial = get_template("journeys/map.html#add_card_form").template
        with context.push(cell=cell):
            form = partial.render(context)
    return context["grid_html"].cell(
        cell,
        oob=bool(context.get("oob")),
        add_link=bool(editing),
        persona_key=context["persona_key"],
        form=form,
    )


@register.simple_tag(takes_context=True)
def axis_header(context, part) -> str:
    """A stage's or channel's header with its menu (maps/axis_html.py)."""
    return mark_safe(context["axis_html"].header(part, context))


@register.simple_tag
def frictions_badge(frictions) -> str:
    return touchpoint_html.frictions_badge(frictions)


@register.filter
def plotly_figure(curve) -> dict:
    """The emotion curve as a plotly figure, for `json_script` (maps/curve_figure.py)."""
    return curve_figure.figure(curve)

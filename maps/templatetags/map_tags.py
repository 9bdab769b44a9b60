"""The map's cells, cards and badges, built in Python (maps/touchpoint_html.py says why):
`{% load map_tags %}`."""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from maps import curve_figure, fragments, touchpoint_html

register = template.Library()


@register.simple_tag(takes_context=True)
def map_cell(context, cell) -> str:
    """A cell of the map with its cards, drawn once per audience (maps/fragments.py); its "add
    a card" form, when open, is the map's `add_card_form` partial, drawn for the user alone."""
    editing = bool(context["can_edit"] and context["chosen"])
    oob = bool(context.get("oob"))
    grid, persona_key = context["grid_html"], context["persona_key"]
    if editing and (context.get("add_form") or cell.dom_id == context.get("adding")):
        partial = get_template("journeys/map.html#add_card_form").template
        with context.push(cell=cell):
            form = partial.render(context)
        return grid.cell(cell, oob=oob, add_link=True, persona_key=persona_key, form=form)
    state = (
        cell.dom_id,
        cell.stage.version,
        cell.channel.version,
        persona_key,
        oob,
        context["journey"].language,
        context["journey_url"],
        context["card_url_template"],
        tuple(
            (
                card.pk,
                card.version,
                card.open_friction_count,
                card.worst_severity_rank,
                # Evidence changes no card's version: its chips are part of the key (a
                # version's cards, drawn from its file, carry none).
                getattr(card, "quote_count", 0),
                _chip_state(getattr(card, "key_metric", None)),
            )
            for card in cell.touchpoints
        ),
    )
    return fragments.drawn_once(
        "cell",
        state,
        editing,
        lambda: grid.cell(cell, oob=oob, add_link=editing, persona_key=persona_key, form=""),
    )


def _chip_state(metric) -> tuple | None:
    """What the chip is drawn from (its words and verdict follow from these and the language)."""
    if metric is None:
        return None
    return (metric.kind, metric.name, metric.value, metric.unit, metric.target)


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

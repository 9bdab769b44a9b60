"""The map's cells, cards and badges, built in Python (maps/touchpoint_html.py says why):
`{% load map_tags %}`."""

from django import template
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from maps import curve_figure, fragments, responses, touchpoint_html

register = template.Library()


@register.simple_tag(takes_context=True)
def map_cell(context, cell) -> str:
    """A cell of the map with its cards, drawn once per audience (maps/fragments.py); its "add
    a card" form, when open, is the map's `add_card_form` partial, drawn for the user alone."""
    if _adding_to(context, cell):
        return _with_add_form(context, cell)
    editing = bool(context["can_edit"] and context["chosen"])
    return fragments.drawn_once(
        "cell", _cell_state(context, cell), editing, lambda: _draw_cell(context, cell)
    )


@register.simple_tag(takes_context=True)
def lane_cells(context, lane) -> str:
    """A lane's cells as `map_cell` draws them; the whole grid's are asked of the cache at
    once, on the lane the page draws first (maps/fragments.py, `drawn_together`)."""
    # Per map drawn: a page may draw two (a version beside the journey).
    key = ("lane_cells", id(context["map"]))
    drawn = context.render_context.get(key)
    if drawn is None:
        drawn = context.render_context[key] = _grid_cells(context)
    return mark_safe("".join(drawn[id(cell)] for cell in lane.cells))


def _grid_cells(context) -> dict[int, str]:
    cells = [cell for lane in context["map"].lanes for cell in lane.cells]
    # A cell with its "add a card" form open is the user's own, never kept.
    kept = [cell for cell in cells if not _adding_to(context, cell)]
    editing = bool(context["can_edit"] and context["chosen"])
    states = [_cell_state(context, cell) for cell in kept]
    drawn = fragments.drawn_together(
        "cell",
        states,
        editing,
        lambda index: fragments.drawn_once(
            "cell", states[index], editing, lambda: _draw_cell(context, kept[index])
        ),
    )
    by_cell = {id(cell): html for cell, html in zip(kept, drawn, strict=True)}
    for cell in cells:
        if id(cell) not in by_cell:
            by_cell[id(cell)] = _with_add_form(context, cell)
    return by_cell


def _adding_to(context, cell) -> bool:
    """Whether the cell shows its "add a card" form: the one asked for, or the one whose form
    came back refused (its stage and channel are the map's: the view checked them)."""
    if not (context["can_edit"] and context["chosen"]):
        return False
    form = context.get("add_form")
    if form is None:
        return cell.dom_id == context.get("adding")
    stage, channel = form.cell()
    return (cell.stage.pk, cell.channel.pk) == (stage.pk, channel.pk)


def _with_add_form(context, cell) -> str:
    partial = get_template("journeys/map.html#add_card_form").template
    with context.push(cell=cell):
        form = partial.render(context)
    grid, persona_key = context["grid_html"], context["persona_key"]
    oob = bool(context.get("oob"))
    return grid.cell(cell, oob=oob, add_link=True, persona_key=persona_key, form=form)


def _draw_cell(context, cell) -> str:
    editing = bool(context["can_edit"] and context["chosen"])
    grid, persona_key = context["grid_html"], context["persona_key"]
    oob = bool(context.get("oob"))
    return grid.cell(cell, oob=oob, add_link=editing, persona_key=persona_key, form="")


def _cell_state(context, cell) -> tuple:
    """What a cell is drawn from: its place, its axes' and cards' versions, and the words and
    links of the page around it."""
    return (
        cell.dom_id,
        cell.stage.version,
        cell.channel.version,
        context["persona_key"],
        bool(context.get("oob")),
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


def _chip_state(metric) -> tuple | None:
    """What the chip is drawn from (its words and verdict follow from these and the language)."""
    if metric is None:
        return None
    return (metric.kind, metric.name, metric.value, metric.unit, metric.target)


@register.simple_tag(takes_context=True)
def axis_header(context, part) -> str:
    """A stage's or channel's header with its menu (maps/axis_html.py)."""
    return mark_safe(context["axis_html"].header(part, context))


@register.simple_tag(takes_context=True)
def curve_section(context) -> str:
    """The map's emotion curve section, kept per state (maps/responses.py, curve_html)."""
    return responses.curve_html(context.flatten())


@register.simple_tag
def frictions_badge(frictions) -> str:
    return touchpoint_html.frictions_badge(frictions)


@register.filter
def plotly_figure(curve) -> dict:
    """The emotion curve as a plotly figure, for `json_script` (maps/curve_figure.py)."""
    return curve_figure.figure(curve)

"""The emotion curve drawn as a plotly figure: traces, axes, hover texts and colours of the page.

maps/curves.py computes the curves; this turns one into the JSON that plotly.js draws.
"""

from html import escape
from textwrap import wrap

from django.utils.translation import ngettext

from maps.curves import EmotionCurve, PersonaCurve, StagePoint
from maps.measured_figure import measured_traces
from touchpoints.models import EMOTION_EMOJI, Emotion

# The stylesheet's tokens (static/css/parcours.css :root), for the parts plotly paints itself.
FONT = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", Arial, '
    'sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"'
)
TEXT = "#1c2230"
TEXT_MUTED = "#5b6475"
BORDER = "#e3e6eb"
BORDER_STRONG = "#cfd4dc"
TRANSPARENT = "rgba(0,0,0,0)"
Y_LIMIT = 2.45  # a little room above Delighted and below Frustrated for the markers


def figure(curve: EmotionCurve) -> dict:
    # Plain data in plotly's figure schema: building plotly.graph_objects validates every
    # attribute, which cost 10 ms a page; the tests validate the schema instead.
    return {
        "data": [_trace(persona_curve, curve.comparing) for persona_curve in curve.curves]
        + measured_traces(curve),
        "layout": _layout(curve),
        # No mode bar: the chart is read, not explored; resizing is curve.js's job.
        "config": {"displayModeBar": False, "responsive": False, "showTips": False},
    }


def _hover(curve: PersonaCurve, point: StagePoint, comparing: bool) -> str:
    if not point.count:
        return ""
    lines = [f"<b>{escape(point.stage.name)}</b>"]
    if comparing:
        lines.insert(0, escape(curve.persona.name))
    lines.append(f"{point.emoji} {escape(point.describe())}")
    lines.append(
        ngettext("%(count)d touchpoint", "%(count)d touchpoints", point.count)
        % {"count": point.count}
    )
    return "<br>".join(lines)


def _trace(curve: PersonaCurve, comparing: bool) -> dict:
    return {
        "type": "scatter",
        "x": list(range(len(curve.points))),
        "y": [point.average for point in curve.points],
        "name": escape(curve.persona.name),
        "mode": "lines+markers",
        # A stage without cards is a gap in the line, not a neutral zero.
        "connectgaps": False,
        "line": {"color": curve.colour, "width": 2.5 if comparing else 3, "dash": curve.dash},
        "marker": {
            "symbol": curve.symbol,
            "size": 11 if comparing else 12,
            "color": curve.colour,
            "line": {"color": "#ffffff", "width": 1.5},
        },
        "customdata": [_hover(curve, point, comparing) for point in curve.points],
        "hovertemplate": "%{customdata}<extra></extra>",
    }


def _layout(curve: EmotionCurve) -> dict:
    stage_count = len(curve.stages)
    axis = {"fixedrange": True, "showline": False, "ticks": "", "automargin": True}
    return dict(  # noqa: C408 (plotly's attribute names read best as keywords)
        height=300 if curve.comparing else 220,
        autosize=True,
        margin={"l": 8, "r": 24, "t": 8, "b": 8, "pad": 6},
        paper_bgcolor=TRANSPARENT,
        plot_bgcolor=TRANSPARENT,
        font={"family": FONT, "size": 13, "color": TEXT_MUTED},
        hovermode="closest",
        hoverlabel={
            "bgcolor": "#ffffff",
            "bordercolor": BORDER_STRONG,
            "font": {"family": FONT, "size": 13, "color": TEXT},
            "align": "left",
        },
        showlegend=curve.comparing or bool(curve.measured),
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": 1.02,
            "yanchor": "bottom",
            "font": {"size": 13, "color": TEXT},
            "itemwidth": 40,
        },
        xaxis={
            **axis,
            "range": [-0.3, stage_count - 0.7],
            "tickvals": list(range(stage_count)),
            "ticktext": [_tick(stage.name, stage_count) for stage in curve.stages],
            "tickfont": {"color": TEXT, "size": 13},
            "showgrid": True,
            "gridcolor": BORDER,
            "zeroline": False,
        },
        yaxis={
            **axis,
            "range": [-Y_LIMIT, Y_LIMIT],
            "tickvals": [emotion.value for emotion in Emotion],
            "ticktext": [f"{emotion.label} {EMOTION_EMOJI[emotion]}" for emotion in Emotion],
            "showgrid": True,
            "gridcolor": BORDER,
            "zeroline": True,
            "zerolinecolor": BORDER_STRONG,
            "zerolinewidth": 2,
        },
        # Faint bands: above the zero line the persona is pleased, below it they are not.
        shapes=[
            _band(0, Y_LIMIT, "rgba(16,185,129,0.07)"),
            _band(-Y_LIMIT, 0, "rgba(239,68,68,0.06)"),
        ],
    )


def _band(y0: float, y1: float, colour: str) -> dict:
    return {
        "type": "rect",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "y0": y0,
        "y1": y1,
        "fillcolor": colour,
        "line": {"width": 0},
        "layer": "below",
    }


def _tick(name: str, stage_count: int) -> str:
    """A stage name on at most two lines, narrower as stages get more, so they never overlap."""
    width = max(10, 100 // max(stage_count, 1))
    lines = wrap(name, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: width - 1] + "…"]
    return "<br>".join(escape(line) for line in lines)

"""A metric's trend across its periods as a small plotly figure, for the card panel.

Plain data in plotly's schema, like the emotion curve (maps/curve_figure.py), drawn by
static/js/curve.js with the vendored plotly.js.
"""

from html import escape

from django.utils.translation import gettext as _

from maps.curve_figure import BORDER, FONT, TEXT, TEXT_MUTED, TRANSPARENT

MEASURED = "#2563eb"
TARGET = "#b45309"


def trend_figure(series) -> dict:
    """`series`: maps.evidence_panel.Series, its metrics in period order."""
    periods = [metric.period for metric in series.metrics]
    data = [
        {
            "type": "scatter",
            "x": periods,
            "y": [metric.value for metric in series.metrics],
            "name": escape(series.label),
            "mode": "lines+markers",
            "line": {"color": MEASURED, "width": 2.5},
            "marker": {"symbol": "circle", "size": 8, "color": MEASURED},
            "customdata": [
                f"{escape(metric.period)}: <b>{escape(metric.display_value)}</b>"
                for metric in series.metrics
            ],
            "hovertemplate": "%{customdata}<extra></extra>",
        }
    ]
    if any(metric.target is not None for metric in series.metrics):
        data.append(
            {
                "type": "scatter",
                "x": periods,
                "y": [metric.target for metric in series.metrics],
                "name": escape(_("Target")),
                "mode": "lines+markers",
                "connectgaps": True,
                "line": {"color": TARGET, "width": 2, "dash": "dash"},
                "marker": {"symbol": "diamond", "size": 7, "color": TARGET},
                "hoverinfo": "skip",
            }
        )
    axis = {"fixedrange": True, "automargin": True, "gridcolor": BORDER}
    return {
        "data": data,
        "layout": {
            "height": 170,
            "autosize": True,
            "margin": {"l": 8, "r": 8, "t": 8, "b": 8, "pad": 4},
            "paper_bgcolor": TRANSPARENT,
            "plot_bgcolor": TRANSPARENT,
            "font": {"family": FONT, "size": 12, "color": TEXT_MUTED},
            "showlegend": len(data) > 1,
            "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
            "xaxis": {**axis, "type": "category", "tickfont": {"color": TEXT}},
            "yaxis": {
                **axis,
                "ticksuffix": series.metrics[-1].unit if series.metrics[-1].unit == "%" else "",
            },
        },
        "config": {"displayModeBar": False, "responsive": False, "showTips": False},
    }

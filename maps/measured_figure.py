"""The measured series of the emotion curve (maps/felt_measured.py) as plotly traces: a dashed
line of what customers reported, and a ring around each stage where it disagrees with the
designed emotion by more than a step. Colour is not the only signal: the measured line has its
own dash and marker, the disagreements their own symbol and a legend entry in words."""

from html import escape

from django.utils.translation import gettext as _

from core.templatetags.parcours import signed

MEASURED = "#0f766e"
DISAGREE = "#b91c1c"


def measured_traces(curve) -> list[dict]:
    if not curve.measured:
        return []
    stages = curve.stages
    values = [point.value if point else None for point in curve.measured]
    traces = [
        {
            "type": "scatter",
            "x": list(range(len(stages))),
            "y": values,
            "name": escape(curve.measured_legend),
            "mode": "lines+markers",
            "connectgaps": False,
            "line": {"color": MEASURED, "width": 2, "dash": "dot"},
            "marker": {"symbol": "diamond", "size": 10, "color": MEASURED},
            "customdata": [
                f"<b>{escape(stage.name)}</b><br>{escape(point.describe())}" if point else ""
                for stage, point in zip(stages, curve.measured, strict=True)
            ],
            "hovertemplate": "%{customdata}<extra></extra>",
        }
    ]
    disagreeing = [
        (index, point) for index, point in enumerate(curve.measured) if point and point.disagrees
    ]
    if disagreeing:
        traces.append(
            {
                "type": "scatter",
                "x": [index for index, _point in disagreeing],
                "y": [point.designed for _index, point in disagreeing],
                "name": escape(_("Felt and measured disagree by more than a step")),
                "mode": "markers",
                "marker": {
                    "symbol": "circle-open",
                    "size": 24,
                    "color": DISAGREE,
                    "line": {"width": 3, "color": DISAGREE},
                },
                "customdata": [
                    escape(
                        _("Designed %(designed)s, measured %(measured)s")
                        % {"designed": signed(point.designed), "measured": signed(point.value)}
                    )
                    for _index, point in disagreeing
                ],
                "hovertemplate": "%{customdata}<extra></extra>",
            }
        )
    return traces

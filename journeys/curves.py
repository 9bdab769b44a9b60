"""The emotion curve: each persona's average emotion per stage of a journey, as a plotly figure.

The map shows the chosen persona's curve; the comparison overlays every persona of the journey.
The figure is built here as plain data in plotly's schema (the `plotly` package validates it in
the tests) and only its JSON goes to the page, where static/js/curve.js draws it with the
vendored plotly.js of the version that package writes for.
"""

import colorsys
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from statistics import fmean
from textwrap import wrap
from urllib.parse import urlencode

from django.db.models import Avg, Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from journeys.models import Journey, JourneyPersona, Stage
from journeys.templatetags.parcours import signed
from personas.models import AVATAR_COLOURS, Persona
from touchpoints.models import EMOTION_EMOJI, Emotion, Touchpoint

# The value of `?persona=` that asks for every persona's curve.
ALL_PERSONAS = "all"

# Colour is never the only way to tell two curves apart: each also gets its own marker and dash.
# 8 symbols × 5 dashes, coprime, so the first 40 personas all differ in the pair.
MARKER_SYMBOLS = [
    "circle",
    "square",
    "diamond",
    "triangle-up",
    "cross",
    "triangle-down",
    "x",
    "star",
]
LINE_DASHES = ["solid", "dash", "dot", "dashdot", "longdash"]

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


@dataclass(frozen=True)
class StagePoint:
    """One persona's touchpoints at one stage: their average emotion, None when there are none."""

    stage: Stage
    average: float | None = None
    count: int = 0

    @property
    def emotion(self) -> Emotion | None:
        return None if self.average is None else Emotion(round(self.average))

    @property
    def emoji(self) -> str:
        return "" if self.emotion is None else EMOTION_EMOJI[self.emotion]

    def describe(self) -> str:
        """The words a screen reader and a hover box give for the point: "Satisfied, +0.5"."""
        if self.average is None:
            return _("no touchpoint")
        return _("%(emotion)s, %(average)s") % {
            "emotion": self.emotion.label,
            "average": signed(self.average),
        }


@dataclass(frozen=True)
class PersonaCurve:
    journey_persona: JourneyPersona
    points: list[StagePoint]
    colour: str
    symbol: str
    dash: str

    @property
    def persona(self) -> Persona:
        return self.journey_persona.persona

    @property
    def drawn(self) -> list[StagePoint]:
        return [point for point in self.points if point.average is not None]


@dataclass(frozen=True)
class EmotionCurve:
    """What the `emotion_curve` fragment shows: one persona's curve, or all of them compared."""

    journey: Journey
    stages: list[Stage]
    chosen: JourneyPersona | None
    curves: list[PersonaCurve]
    comparing: bool
    can_compare: bool

    def _url(self, **query: str) -> str:
        url = reverse("journeys:curve", args=[self.journey.workspace.slug, self.journey.pk])
        return f"{url}?{urlencode(query)}"

    @property
    def single_url(self) -> str:
        return self._url(persona=self.chosen.key) if self.chosen else self._url()

    @property
    def compare_url(self) -> str:
        # Remembers the chosen persona, so "This persona" leads back to the same one.
        query = {"persona": ALL_PERSONAS}
        if self.chosen:
            query["chosen"] = self.chosen.key
        return self._url(**query)

    @property
    def url(self) -> str:
        """Where the fragment fetches itself again after a change on the map."""
        return self.compare_url if self.comparing else self.single_url

    @property
    def has_points(self) -> bool:
        return any(curve.drawn for curve in self.curves)

    @property
    def summary(self) -> str:
        """The chart's accessible name: what a sighted reader takes from the lines."""
        if not self.curves:
            return ""
        if not self.comparing:
            curve = self.curves[0]
            stages = "; ".join(
                _("%(stage)s: %(emotion)s") % {"stage": p.stage.name, "emotion": p.describe()}
                for p in curve.points
            )
            return _("Emotion curve of %(persona)s per stage. %(stages)s.") % {
                "persona": curve.persona.name,
                "stages": stages,
            }
        return " ".join(
            [
                ngettext(
                    "Emotion curves of %(count)d persona per stage, compared.",
                    "Emotion curves of %(count)d personas per stage, compared.",
                    len(self.curves),
                )
                % {"count": len(self.curves)}
            ]
            + [_extremes(curve) for curve in self.curves]
        )

    @property
    def figure(self) -> dict:
        """The plotly figure and its display options, ready for `json_script`."""
        # Plain data in plotly's figure schema: building plotly.graph_objects validates every
        # attribute, which cost 10 ms a page; the tests validate the schema instead.
        return {
            "data": [_trace(curve, self.comparing) for curve in self.curves],
            "layout": _layout(self),
            # No mode bar: the chart is read, not explored; resizing is curve.js's job.
            "config": {"displayModeBar": False, "responsive": False, "showTips": False},
        }


def _extremes(curve: PersonaCurve) -> str:
    drawn = curve.drawn
    if not drawn:
        return _("%(persona)s: no touchpoint.") % {"persona": curve.persona.name}
    lowest = min(drawn, key=lambda point: point.average)
    highest = max(drawn, key=lambda point: point.average)
    if lowest.average == highest.average:
        return _("%(persona)s: %(emotion)s at every stage with touchpoints.") % {
            "persona": curve.persona.name,
            "emotion": lowest.describe(),
        }
    text = _(
        "%(persona)s: lowest at %(low_stage)s (%(low)s), highest at %(high_stage)s (%(high)s)."
    )
    return text % {
        "persona": curve.persona.name,
        "low_stage": lowest.stage.name,
        "low": lowest.describe(),
        "high_stage": highest.stage.name,
        "high": highest.describe(),
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
        showlegend=curve.comparing,
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


def distinct_colours(colours: list[str]) -> list[str]:
    """The personas' own colours, with a repeated one replaced by one not yet used.

    Persona colours come from a small palette picked by name, so two personas often share one.
    """
    taken: set[str] = set()
    spare = itertools.chain(AVATAR_COLOURS, map(_golden_angle_colour, itertools.count()))
    result = []
    for colour in colours:
        colour = colour.lower()
        while not colour or colour in taken:
            colour = next(spare).lower()
        taken.add(colour)
        result.append(colour)
    return result


def _golden_angle_colour(n: int) -> str:
    """The n-th of a series of dark, well-separated hues, for when the palette runs out."""
    rgb = colorsys.hls_to_rgb((n * 0.381966) % 1, 0.42, 0.65)
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def stage_averages(journey: Journey, persona_ids: list[int]) -> dict[tuple[int, int], tuple]:
    """(persona id, stage id) → (average emotion, touchpoint count), in one aggregate query."""
    rows = (
        Touchpoint.objects.filter(journey=journey, persona_id__in=persona_ids)
        .order_by()
        .values("persona_id", "stage_id")
        .annotate(average=Avg("emotion"), count=Count("pk"))
    )
    return {
        (row["persona_id"], row["stage_id"]): (float(row["average"]), row["count"]) for row in rows
    }


def _averages_of(touchpoints: Iterable[Touchpoint]) -> dict[tuple[int, int], tuple]:
    emotions = defaultdict(list)
    for touchpoint in touchpoints:
        emotions[touchpoint.persona_id, touchpoint.stage_id].append(touchpoint.emotion)
    return {key: (fmean(values), len(values)) for key, values in emotions.items()}


def choose_persona(journey_personas: list[JourneyPersona], key: str) -> JourneyPersona | None:
    """The persona of `key`; an unknown key (a persona since removed) falls back to the first."""
    return next((jp for jp in journey_personas if jp.key == key), None) or next(
        iter(journey_personas), None
    )


def _build(
    journey: Journey,
    stages: list[Stage],
    journey_personas: list[JourneyPersona],
    chosen: JourneyPersona | None,
    shown: list[JourneyPersona],
    averages: dict[tuple[int, int], tuple],
    comparing: bool,
) -> EmotionCurve:
    colours = distinct_colours([jp.persona.colour for jp in journey_personas])
    style = {jp.pk: n for n, jp in enumerate(journey_personas)}
    curves = [
        PersonaCurve(
            journey_persona=jp,
            points=[
                StagePoint(stage, *averages.get((jp.persona_id, stage.pk), (None, 0)))
                for stage in stages
            ],
            # Styled by the persona's place in the journey, so it keeps its look in both views.
            colour=colours[style[jp.pk]],
            symbol=MARKER_SYMBOLS[style[jp.pk] % len(MARKER_SYMBOLS)],
            dash=LINE_DASHES[style[jp.pk] % len(LINE_DASHES)],
        )
        for jp in shown
    ]
    return EmotionCurve(
        journey=journey,
        stages=stages,
        chosen=chosen,
        curves=curves,
        comparing=comparing,
        can_compare=len(journey_personas) > 1,
    )


def emotion_curve(journey: Journey, persona: str = "", chosen: str = "") -> EmotionCurve:
    """The curve of the persona keyed `persona`, or with `persona="all"` every persona's.

    `chosen` is the persona the comparison goes back to. Three queries: the stages, the
    personas, and the averages.
    """
    stages = list(journey.stages.all())
    journey_personas = list(journey.journey_personas.select_related("persona"))
    comparing = persona == ALL_PERSONAS
    picked = choose_persona(journey_personas, chosen if comparing else persona)
    shown = journey_personas if comparing else [picked] if picked else []
    averages = stage_averages(journey, [jp.persona_id for jp in shown]) if shown else {}
    return _build(journey, stages, journey_personas, picked, shown, averages, comparing)


def emotion_curve_for_map(
    journey: Journey,
    stages: list[Stage],
    journey_personas: list[JourneyPersona],
    chosen: JourneyPersona | None,
    touchpoints: Iterable[Touchpoint],
) -> EmotionCurve:
    """The chosen persona's curve from what the map page has already loaded: no query."""
    shown = [chosen] if chosen else []
    return _build(
        journey, stages, journey_personas, chosen, shown, _averages_of(touchpoints), False
    )

"""The emotion curve: each persona's average emotion per stage of a journey, as a plotly figure.

The map shows the chosen persona's curve; the comparison overlays every persona of the journey.
The figure is built here as plain data in plotly's schema (the `plotly` package validates it in
the tests) and only its JSON goes to the page, where static/js/curve.js draws it with the
vendored plotly.js of the version that package writes for. maps/curve_figure.py draws the figure.
"""

import colorsys
import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean
from urllib.parse import urlencode

from django.db.models import Avg, Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.templatetags.parcours import signed
from journeys.models import Journey, JourneyPersona, Stage
from maps.evidence_map import load_map_evidence
from maps.felt_measured import with_measured
from maps.swimlanes import choose_persona
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
    # Felt vs measured (maps/felt_measured.py): per stage, what customers reported, or None.
    measured: tuple = ()
    measured_legend: str = ""

    @property
    def disagreements(self) -> list:
        return [
            (stage, point)
            for stage, point in zip(self.stages, self.measured, strict=False)
            if point and point.disagrees
        ]

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
    def state(self) -> tuple:
        """What the curve's section is drawn from, beside the language (maps/fragments.py):
        the journey's place and language, the stages, each curve's persona, look and points,
        and what was measured."""
        journey, chosen = self.journey, self.chosen
        return (
            journey.pk,
            journey.workspace.slug,
            journey.language,
            (chosen.key, chosen.persona.name) if chosen else None,
            self.comparing,
            self.can_compare,
            tuple((stage.pk, stage.name) for stage in self.stages),
            tuple(
                (
                    curve.journey_persona.key,
                    curve.persona.name,
                    curve.colour,
                    curve.symbol,
                    curve.dash,
                    tuple((point.stage.pk, point.average, point.count) for point in curve.points),
                )
                for curve in self.curves
            ),
            self.measured,
            self.measured_legend,
        )

    @property
    def has_points(self) -> bool:
        return any(curve.drawn for curve in self.curves)

    @property
    def measured_summary(self) -> str:
        if not self.disagreements:
            return ""
        stages = ", ".join(stage.name for stage, _point in self.disagreements)
        return _("Designed and measured emotions disagree at: %(stages)s.") % {"stages": stages}

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
            text = _("Emotion curve of %(persona)s per stage. %(stages)s.") % {
                "persona": curve.persona.name,
                "stages": stages,
            }
            return f"{text} {self.measured_summary}".strip()
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
    curve = _build(journey, stages, journey_personas, picked, shown, averages, comparing)
    if comparing or picked is None:
        return curve
    return with_measured(
        curve, load_map_evidence(journey, stages, picked.persona_id, listing=False)
    )


def emotion_curve_for_map(
    journey: Journey,
    stages: list[Stage],
    journey_personas: list[JourneyPersona],
    chosen: JourneyPersona | None,
    touchpoints: Iterable[Touchpoint],
    *,
    comparing: bool = False,
    evidence=None,
) -> EmotionCurve:
    """The chosen persona's curve (or with `comparing` every persona's, from every persona's
    touchpoints) from what the map page has already loaded: no query."""
    shown = journey_personas if comparing else [chosen] if chosen else []
    curve = _build(
        journey, stages, journey_personas, chosen, shown, _averages_of(touchpoints), comparing
    )
    return with_measured(curve, evidence)

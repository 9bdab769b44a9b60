"""The emotion curves of one persona on both sides of a comparison, on one chart.

Built as a `maps.curves.EmotionCurve` of two curves, so the map's plotly figure
(`maps/curve_figure.py`) and the picture's curve (`maps/picture/curve.py`) draw it as they
draw personas compared: the older side dashed and grey, the newer solid in the accent colour.
"""

from statistics import fmean

from journeys.models import Journey, JourneyPersona, Stage
from maps.curves import EmotionCurve, PersonaCurve, StagePoint
from personas.models import Persona
from versions.comparison import merged_stage_keys

OLDER_COLOUR = "#8a94a6"
NEWER_COLOUR = "#4f46e5"


def persona_keys(older: dict, newer: dict) -> list[tuple[str, str]]:
    """(key, name) of the personas of either side, the newer side's first."""
    names = {entry["key"]: entry["name"] for entry in older["personas"]}
    names |= {entry["key"]: entry["name"] for entry in newer["personas"]}
    keys = [entry["key"] for entry in newer["personas"]]
    keys += [entry["key"] for entry in older["personas"] if entry["key"] not in keys]
    return [(key, names[key]) for key in keys]


def compared_curves(
    journey: Journey, older: dict, newer: dict, persona_key: str, labels: tuple[str, str]
) -> EmotionCurve:
    """Both sides' curves of the persona keyed `persona_key`, over the stages of both."""
    names = {entry["key"]: entry["name"] for entry in older["stages"] + newer["stages"]}
    stages = [
        Stage(pk=n, key=key, name=names[key], position=n - 1)
        for n, key in enumerate(merged_stage_keys(older, newer), 1)
    ]
    curves = [
        _curve(n, document, persona_key, stages, label, colour, dash)
        for n, (document, label, colour, dash) in enumerate(
            [
                (older, labels[0], OLDER_COLOUR, "dash"),
                (newer, labels[1], NEWER_COLOUR, "solid"),
            ],
            1,
        )
    ]
    return EmotionCurve(journey, stages, None, curves, comparing=True, can_compare=False)


def _curve(n, document, persona_key, stages, label, colour, dash) -> PersonaCurve:
    emotions: dict[str, list[int]] = {}
    for card in document["touchpoints"]:
        if card["persona"] == persona_key:
            emotions.setdefault(card["stage"], []).append(card["emotion"])
    points = [
        StagePoint(stage, fmean(emotions[stage.key]), len(emotions[stage.key]))
        if stage.key in emotions
        else StagePoint(stage)
        for stage in stages
    ]
    link = JourneyPersona(pk=n, persona=Persona(pk=n, name=label, colour=colour), key=str(n))
    symbol = "circle" if dash == "solid" else "square"
    return PersonaCurve(link, points, colour, symbol, dash)

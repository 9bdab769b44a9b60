"""Felt vs measured: beside the emotion a team designed at each stage, what customers measurably
reported there (evidence/measures.py puts it on the emotion scale, and says how in the legend),
and the stages where the two disagree by more than a step."""

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from core.templatetags.parcours import signed
from evidence.measures import DISAGREEMENT, legend
from maps.evidence_map import MapEvidence


@dataclass(frozen=True)
class MeasuredPoint:
    value: float
    source: str  # the figure it comes from ("CSAT 3.4/5"), or "" for the quotes' sentiment
    designed: float | None

    @property
    def disagrees(self) -> bool:
        return self.designed is not None and abs(self.designed - self.value) > DISAGREEMENT

    def describe(self) -> str:
        source = self.source or _("quotes’ average sentiment")
        return _("measured %(value)s (%(source)s)") % {
            "value": signed(self.value),
            "source": source,
        }


def with_measured(curve, evidence: MapEvidence | None):
    """`curve` (one persona's, maps.curves.EmotionCurve) with its measured points, when the
    stages have any; a comparison of personas stays as it is."""
    if curve.comparing or not curve.curves or evidence is None:
        return curve
    points = curve.curves[0].points
    measured = []
    for point, stage_evidence in zip(points, evidence.stages, strict=True):
        found = stage_evidence.measured
        measured.append(MeasuredPoint(found[0], found[1], point.average) if found else None)
    if not any(measured):
        return curve
    return replace(curve, measured=tuple(measured), measured_legend=legend())

"""The Metrics row of a picture: under the friction row, each stage's latest key figures, with
their verdict against the target in words (a slide is often printed in black and white)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maps.evidence_map import MapEvidence
from maps.picture import canvas
from maps.picture.grid import LANE_NAME, SMALL, SMALL_BOLD, Columns
from maps.picture.text import ellipsize

HEIGHT = 64
VERDICT_COLOURS = {True: "#047857", False: "#b91c1c", None: canvas.TEXT_MUTED}


def shown(evidence: MapEvidence | None) -> bool:
    return evidence is not None and evidence.has_any


def metrics_row(columns: Columns, evidence: MapEvidence, y: float, height: float) -> str:
    parts = [canvas.text(columns.label_x + 16, y + height / 2 + 5.5, _("Metrics"), LANE_NAME)]
    for index, stage in enumerate(evidence.stages):
        x, w = columns.left(index) + 4, columns.width - 8
        parts.append(canvas.rect(x, y + 4, w, height - 8, canvas.SURFACE_MUTED, r=10))
        lines = []
        for metric in stage.key_figures[-2:]:
            verdict = ""
            if metric.on_target is not None:
                verdict = " · " + (_("on target") if metric.on_target else _("off target"))
            lines.append((f"{metric.label} {metric.display_value}{verdict}", metric.on_target))
        if stage.quote_count and len(lines) < 2:
            quotes = ngettext("%(count)d quote", "%(count)d quotes", stage.quote_count)
            lines.append((quotes % {"count": stage.quote_count}, None))
        if not lines:
            lines.append((_("not measured"), None))
        for number, (line, on_target) in enumerate(lines):
            style = SMALL_BOLD if on_target is not None else SMALL
            parts.append(
                canvas.text(
                    x + 10,
                    y + 24 + number * 18,
                    ellipsize(line, w - 20, style),
                    style,
                    VERDICT_COLOURS[on_target],
                )
            )
    return "".join(parts)

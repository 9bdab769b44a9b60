"""A journey as CSV for spreadsheet users: one row per touchpoint, with its friction notes and
its evidence (metrics and customer quotes), then one row per stage that has evidence of its own."""

import csv
import io
from collections import Counter

from django.utils import translation
from django.utils.translation import gettext as _

from journeys.models import Journey
from maps.interchange.exporting import touchpoints_in_file_order
from maps.spreadsheet_evidence import evidence_by_target, metric_line, quote_line
from touchpoints.models import Emotion, FrictionNote, Severity, Status

# A cell starting with one of these is run as a formula by spreadsheet programs; a journey is
# shared, so a card title must not be able to run anything on a teammate's computer.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def journey_csv(journey: Journey) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel reads the accents, in the journey's language.

    French Excel splits columns on semicolons, as commas are its decimal separator.
    """
    touchpoints = touchpoints_in_file_order(
        journey.touchpoints.select_related("persona", "stage", "channel").prefetch_related(
            "frictions"
        )
    )
    delimiter = ";" if journey.language.startswith("fr") else ","
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    with translation.override(journey.language):
        writer.writerow(
            [
                _("Persona"),
                _("Stage"),
                _("Channel"),
                _("Position in cell"),
                _("Title"),
                _("Description"),
                _("Emotion"),
                _("Emotion (word)"),
                _("Owner team"),
                _("Friction count"),
                _("Friction notes"),
                _("Metrics"),
                _("Customer quotes"),
            ]
        )
        metrics, quotes = evidence_by_target(journey)
        cards_in_cell: Counter = Counter()
        for touchpoint in touchpoints:
            cell = (touchpoint.persona_id, touchpoint.stage_id, touchpoint.channel_id)
            cards_in_cell[cell] += 1
            frictions = touchpoint.frictions.all()
            writer.writerow(
                [
                    _text(touchpoint.persona.name),
                    _text(touchpoint.stage.name),
                    _text(touchpoint.channel.name),
                    cards_in_cell[cell],
                    _text(touchpoint.title),
                    _text(touchpoint.description),
                    touchpoint.emotion,
                    Emotion(touchpoint.emotion).label,
                    _text(touchpoint.owner),
                    len(frictions),
                    "\n".join(_friction_line(friction) for friction in frictions),
                    _text("\n".join(map(metric_line, metrics.get(("card", touchpoint.pk), [])))),
                    _text("\n".join(map(quote_line, quotes.get(("card", touchpoint.pk), [])))),
                ]
            )
        for stage in journey.stages.all():
            stage_metrics = metrics.get(("stage", stage.pk), [])
            stage_quotes = quotes.get(("stage", stage.pk), [])
            if stage_metrics or stage_quotes:
                writer.writerow(
                    ["", _text(stage.name), *[""] * 9]
                    + [
                        _text("\n".join(map(metric_line, stage_metrics))),
                        _text("\n".join(map(quote_line, stage_quotes))),
                    ]
                )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _friction_line(friction: FrictionNote) -> str:
    labels = f"[{Severity(friction.severity).label} · {Status(friction.status).label}]"
    # One note per line: a description's own line breaks would split it across lines.
    description = " ".join(friction.description.split())
    line = f"{labels} {friction.title}"
    return f"{line} — {description}" if description else line


def _text(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value

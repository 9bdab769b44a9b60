"""The evidence lists of a journey file (maps/interchange/evidence_schema.py): written only when
the journey has evidence, so a journey without any exports exactly as before; read in file
order, so export → import → export gives the same lists."""

from evidence.models import Metric, Verbatim


def _number(value: float | None):
    return int(value) if value is not None and float(value).is_integer() else value


def export_evidence(journey, keys: dict[str, dict[int, str]]) -> dict:
    """`keys`: "stage", "touchpoint" and "persona" ids → their keys in the file. Two queries."""

    def target(item) -> dict:
        return {
            "stage": keys["stage"].get(item.stage_id),
            "touchpoint": keys["touchpoint"].get(item.touchpoint_id),
            "persona": keys["persona"].get(item.persona_id),
        }

    metrics = [
        {
            **target(metric),
            "kind": metric.kind,
            "name": metric.name,
            "value": _number(metric.value),
            "unit": metric.unit,
            "period": metric.period,
            "target": _number(metric.target),
            "source": metric.source,
        }
        for metric in Metric.objects.filter(journey=journey).order_by("pk")
    ]
    verbatims = [
        {
            **target(quote),
            "text": quote.text,
            "date": quote.date.isoformat() if quote.date else None,
            "sentiment": quote.sentiment,
            "segment": quote.segment,
            "source": quote.source,
        }
        for quote in Verbatim.objects.filter(journey=journey).order_by("pk")
    ]
    lists = {}
    if metrics or verbatims:
        lists = {"metrics": metrics, "verbatims": verbatims}
    return lists


def import_evidence(journey, document: dict, objects: dict[str, dict]) -> None:
    """`objects`: "stage", "touchpoint" and "persona" keys → the rows just created."""

    def target(entry: dict) -> dict:
        persona = objects["persona"].get(entry["persona"])
        return {
            "journey": journey,
            "stage": objects["stage"].get(entry["stage"]),
            "touchpoint": objects["touchpoint"].get(entry["touchpoint"]),
            "persona": persona,
        }

    metrics = [
        Metric(
            **target(entry),
            kind=entry["kind"],
            name=entry["name"],
            value=entry["value"],
            unit=entry["unit"],
            period=entry["period"].label,
            period_start=entry["period"].start,
            period_end=entry["period"].end,
            target=entry["target"],
            source=entry["source"],
        )
        for entry in document.get("metrics", [])
    ]
    verbatims = [
        Verbatim(
            **target(entry),
            text=entry["text"],
            date=entry["date"],
            sentiment=entry["sentiment"],
            segment=entry["segment"],
            source=entry["source"],
        )
        for entry in document.get("verbatims", [])
    ]
    # bulk_create skips save(), which computes the identity; a file listing the same evidence
    # twice keeps it once, as an import of a spreadsheet would.
    for item in [*metrics, *verbatims]:
        item.identity = item.compute_identity()
    Metric.objects.bulk_create(metrics, ignore_conflicts=True)
    Verbatim.objects.bulk_create(verbatims, ignore_conflicts=True)

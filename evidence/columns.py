"""The columns of an evidence file: which header means which field, in English or French.

A header is matched whatever its case and accents ("Période", "PERIODE" and "période" are one);
the mapping guessed from the headers can be changed by the person importing.
"""

import re

from django.utils.translation import gettext_lazy as _

from core.text import folded

# Field → its label, and the header names that mean it (folded: no accents, lower case).
FIELDS = {
    "stage": (_("Stage"), ("stage", "etape", "phase", "stage name", "nom de l'etape")),
    "touchpoint": (
        _("Touchpoint"),
        ("touchpoint", "point de contact", "card", "carte", "touchpoint name", "touch point"),
    ),
    "persona": (_("Persona"), ("persona",)),
    "metric": (
        _("Metric"),
        ("metric", "indicateur", "kpi", "metrique", "mesure", "metric name", "indicator"),
    ),
    "value": (_("Value"), ("value", "valeur")),
    "unit": (_("Unit"), ("unit", "unite")),
    "period": (_("Period"), ("period", "periode", "month", "mois", "quarter", "trimestre")),
    "target": (_("Target"), ("target", "cible", "objectif")),
    "quote": (
        _("Quote"),
        ("quote", "verbatim", "citation", "comment", "commentaire", "feedback", "texte", "text"),
    ),
    "date": (_("Date"), ("date",)),
    "sentiment": (_("Sentiment"), ("sentiment",)),
    "segment": (_("Segment"), ("segment",)),
    "source": (_("Source"), ("source",)),
}
ALIASES = {alias: field for field, (_label, aliases) in FIELDS.items() for alias in aliases}

Mapping = dict[str, int | None]  # field → column index, None when the file has no such column


def guess_mapping(headers: list[str]) -> Mapping:
    """Each field's column, by its header's name; the first column naming a field wins. A
    header that only starts with a name ("Valeur (%)", "Date du verbatim") counts when no
    header is the name itself."""
    mapping: Mapping = dict.fromkeys(FIELDS)
    names = [folded(header) for header in headers]
    for index, name in enumerate(names):
        field = ALIASES.get(name)
        if field and mapping[field] is None:
            mapping[field] = index
    for index, name in enumerate(names):
        if index in mapping.values():
            continue
        first = re.split(r"[\s(\[:_-]", name, maxsplit=1)[0]
        field = ALIASES.get(first)
        if field and mapping[field] is None:
            mapping[field] = index
    return mapping


def duplicate_headers(headers: list[str]) -> list[int]:
    """The indexes of headers written a second time (case and accents aside)."""
    seen: set[str] = set()
    duplicates = []
    for index, header in enumerate(headers):
        name = folded(header)
        if name and name in seen:
            duplicates.append(index)
        seen.add(name)
    return duplicates

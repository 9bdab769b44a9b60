"""The `parcours.journey` v1 interchange format: a whole journey as one JSON file.

Used for backups, templates, demo data and moving maps between workspaces (see DESIGN.md).
Import checks the whole file and reports every problem with its JSON path before writing
anything; export → import → export gives the same file apart from `exported_at`.

    parse_journey_file(data)            -> the validated document, or InvalidJourneyFile
    import_journey(workspace, data, user) -> a new Journey
    export_journey(journey)             -> the document, as a dict
    dump_journey(journey)               -> the file's text
"""

from journeys.interchange.exporting import (
    dump_journey,
    export_journey,
    format_timestamp,
    touchpoints_in_file_order,
)
from journeys.interchange.importing import import_journey
from journeys.interchange.reading import parse_journey_file
from journeys.interchange.schema import FORMAT, VERSION, InvalidJourneyFile

__all__ = [
    "FORMAT",
    "VERSION",
    "InvalidJourneyFile",
    "dump_journey",
    "export_journey",
    "format_timestamp",
    "import_journey",
    "parse_journey_file",
    "touchpoints_in_file_order",
]

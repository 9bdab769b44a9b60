"""The `parcours.journey` v1 interchange format: a whole journey as one JSON file.

Used for backups, templates, demo data and moving maps between workspaces (see DESIGN.md).
Import checks the whole file and reports every problem with its JSON path before writing
anything; export → import → export gives the same file apart from `exported_at`.

    reading.parse_journey_file(data)              -> the validated document, or InvalidJourneyFile
    importing.import_journey(workspace, data, user) -> a new Journey
    exporting.export_journey(journey)             -> the document, as a dict
    exporting.dump_journey(journey)               -> the file's text
    schema: the fields, each a small checker, and InvalidJourneyFile
"""

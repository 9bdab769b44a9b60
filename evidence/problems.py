"""A problem of an evidence file, named by the spreadsheet's line (the header is line 1) and
column, as the import report, the command and the tests read it."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Problem:
    line: int
    column: str  # the header as written in the file; "" for the file as a whole
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("line %(line)d, column “%(column)s”: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


class InvalidEvidenceFile(Exception):
    """A file that cannot be read as a table at all; `problems` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems

"""The problems of a journey file: collected with their JSON paths, printable whatever the file
holds (NUL characters, lone surrogates, megabyte-long names), and capped in number, so a
hostile file costs a short report rather than a long one (core/limits.py)."""

import json
import re
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.limits import IMPORT_MAX_PROBLEMS

LONGEST_PATH = 120
SURROGATE = re.compile("[\ud800-\udfff]")


class InvalidJourneyFile(Exception):
    """A journey file that cannot be imported; `errors` lists every problem, path first."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


def printable(text: str) -> str:
    """`text` with what no terminal, page or database takes written as escapes: NUL as \\x00,
    a lone surrogate as \\ud800."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


class Validation:
    """The problems found so far, and the keys each list defined, for checking links."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.more = 0  # problems found past the report's limit
        # Schema order puts every list before the lists that link to it, so when a link is
        # checked its targets are known; a list that is missing or not a list has no entry here,
        # and links to it are not reported a second time.
        self.keys: dict[str, set[str]] = {}

    def add(self, path: str, problem: str) -> None:
        if len(self.problems) >= IMPORT_MAX_PROBLEMS:
            self.more += 1
            return
        if len(path) > LONGEST_PATH:
            path = f"{path[: LONGEST_PATH - 1]}…"
        line = _("%(path)s: %(problem)s") % {"path": path, "problem": problem}
        self.problems.append(printable(line))

    def wrong_type(self, path: str, expected: str, value: Any) -> None:
        problem = _("expected %(expected)s, got %(actual)s")
        self.add(path, problem % {"expected": expected, "actual": kind(value)})

    def report(self) -> list[str]:
        if not self.more:
            return self.problems
        more = ngettext(
            "… and %(count)d more problem.", "… and %(count)d more problems.", self.more
        ) % {"count": self.more}
        return [*self.problems, more]

    def raise_if_any(self) -> None:
        if self.problems:
            raise InvalidJourneyFile(self.report())


def member(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def show(value: Any) -> str:
    """A value as it is written in the file, cut short so a huge value cannot flood the report."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else f"{text[:59]}…"


def kind(value: Any) -> str:
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return _("an integer")
    if isinstance(value, float):
        return _("a number with decimals")
    if isinstance(value, str):
        return _("a string")
    if isinstance(value, list):
        return _("a list")
    return _("an object")

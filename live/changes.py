"""A change as the live bus carries it: ids and versions, never page content.

On the wire (docs/architecture.md, "Live updates") each change is one Server-Sent Event whose
`event:` is the kind of row that changed (`touchpoint`, `stage`, `channel`, `journey`,
`persona`, `frictionnote`, `comment`, `presence`) and whose `data:` is a small JSON object, so a
page knows which fragments to fetch again, each drawn for its viewer's role.
"""

import json
from dataclasses import dataclass, field
from functools import cached_property

KINDS_WITHOUT_JOURNEY = {"persona", "membership"}


@dataclass(frozen=True)
class Change:
    """`id` is the stored event's id (the SSE id a browser resumes from), None for what is not
    kept (presence, access). `data` holds the kind, verb, object ids, version and actor."""

    workspace: int
    journey: int | None
    kind: str
    data: dict = field(default_factory=dict)
    id: int | None = None

    def payload(self) -> str:
        return json.dumps(
            {"kind": self.kind, "journey": self.journey, **self.data}, separators=(",", ":")
        )

    @classmethod
    def from_payload(cls, workspace: int, payload: str, id: int | None = None) -> "Change":
        data = json.loads(payload)
        kind, journey = data.pop("kind"), data.pop("journey")
        return cls(workspace=workspace, journey=journey, kind=kind, data=data, id=id)

    def to_notify(self) -> str:
        """The NOTIFY payload: `<id or -> <workspace> <json>` (PostgreSQL allows 8000 bytes)."""
        return f"{self.id if self.id is not None else '-'} {self.workspace} {self.payload()}"

    @classmethod
    def from_notify(cls, text: str) -> "Change":
        id_text, workspace, payload = text.split(" ", 2)
        change_id = None if id_text == "-" else int(id_text)
        return cls.from_payload(int(workspace), payload, change_id)

    @cached_property
    def sse(self) -> str:
        """The Server-Sent Event: an id only for kept changes, so a resume skips nothing.
        Encoded once however many streams send it: a pushed part is kilobytes of HTML."""
        head = f"id: {self.id}\n" if self.id is not None else ""
        return f"{head}event: {self.kind}\ndata: {self.payload()}\n\n"


def sse_event(name: str, data: dict | None = None) -> str:
    return f"event: {name}\ndata: {json.dumps(data or {}, separators=(',', ':'))}\n\n"

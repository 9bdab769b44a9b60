"""The friction board's filters: the workspace's journeys and their parts, and the form that
checks the board's query string against them.

Stage and channel are chosen by *name*. Each journey has its own columns and lanes, but the
default ones ("Awareness", "Website"…) repeat across journeys, so "every friction at Purchase"
is a question across journeys. Once a journey is chosen the lists offer its own stages,
channels and personas, in their order.
"""

from dataclasses import dataclass

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from journeys.models import Channel, Journey, JourneyPersona, Stage
from touchpoints.models import SEVERITY_ICON, SEVERITY_RANK, Severity, Status, Touchpoint

SEARCH_MAX_LENGTH = 100
# Worst first, as the counts and the "severity" sort read.
SEVERITIES = sorted(Severity, key=SEVERITY_RANK.get, reverse=True)
UNRESOLVED = [Status.OPEN, Status.IN_PROGRESS]
SORT_CHOICES = [
    ("severity", pgettext_lazy("sort frictions", "Severity, worst first")),
    ("newest", pgettext_lazy("sort frictions", "Newest first")),
    ("oldest", pgettext_lazy("sort frictions", "Oldest first")),
    ("updated", pgettext_lazy("sort frictions", "Recently updated")),
]
DEFAULT_SORT = "severity"
# The order of the query string the board writes, so a shared link reads the same every time.
PARAMS = ("q", "journey", "persona", "stage", "channel", "owner", "severity", "status", "mine")


@dataclass
class Part:
    """A stage or a channel: what the board needs of it."""

    journey_id: int
    name: str
    position: int


@dataclass
class WorkspaceParts:
    """The workspace's journeys, personas, stages, channels and owner teams, small lists read
    once (five queries): they fill the filters' choices and name each row's place, so the
    rows' query joins no journey, persona, stage or channel."""

    journeys: dict[int, tuple[str, str]]  # pk → title, language; by title
    links: dict[tuple[int, int], tuple[str, str]]  # (journey, persona) → key, persona's name
    stages: dict[int, Part]
    channels: dict[int, Part]
    owners: list[str]

    @classmethod
    def load(cls, workspace) -> "WorkspaceParts":
        # Parts of journeys in the trash are nobody's to filter by.
        in_workspace = {"journey__workspace": workspace, "journey__deleted_at": None}
        return cls(
            journeys={
                pk: (title, language)
                for pk, title, language in Journey.objects.filter(workspace=workspace)
                .order_by("title", "pk")
                .values_list("pk", "title", "language")
            },
            links={
                (journey, persona): (key, name)
                for journey, persona, key, name in JourneyPersona.objects.filter(**in_workspace)
                .order_by("persona__name", "pk")
                .values_list("journey_id", "persona_id", "key", "persona__name")
            },
            stages=cls._parts(Stage.objects.filter(**in_workspace)),
            channels=cls._parts(Channel.objects.filter(**in_workspace)),
            owners=list(
                Touchpoint.objects.filter(frictions__isnull=False, **in_workspace)
                .exclude(owner="")
                .values_list("owner", flat=True)
                .distinct()
                .order_by("owner")
            ),
        )

    @staticmethod
    def _parts(queryset) -> dict[int, Part]:
        return {
            pk: Part(journey, name, position)
            for pk, journey, name, position in queryset.order_by().values_list(
                "pk", "journey_id", "name", "position"
            )
        }

    def personas(self, journey: int | None) -> list[tuple[int, str]]:
        names = {
            persona: name
            for (journey_id, persona), (_key, name) in self.links.items()
            if journey in (None, journey_id)
        }
        return sorted(names.items(), key=lambda item: (item[1], item[0]))

    @staticmethod
    def names(parts: dict[int, Part], journey: int | None) -> list[str]:
        """Distinct names in column order (a name's first position across journeys)."""
        first: dict[str, int] = {}
        for part in parts.values():
            if journey in (None, part.journey_id):
                first[part.name] = min(part.position, first.get(part.name, part.position))
        return sorted(first, key=lambda name: (first[name], name))

    @staticmethod
    def named(parts: dict[int, Part], name: str, journey: int | None) -> list[int]:
        return [
            pk
            for pk, part in parts.items()
            if part.name == name and journey in (None, part.journey_id)
        ]


class BoardFilters(forms.Form):
    """The board's GET parameters, checked against this workspace's parts only, so an id or a
    name from elsewhere is refused with a message instead of leaking or failing."""

    q = forms.CharField(label=_("Search"), max_length=SEARCH_MAX_LENGTH, required=False)
    journey = forms.TypedChoiceField(label=_("Journey"), coerce=int, required=False)
    persona = forms.TypedChoiceField(label=_("Persona"), coerce=int, required=False)
    stage = forms.ChoiceField(label=_("Stage"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    owner = forms.ChoiceField(label=_("Owner team"), required=False)
    severity = forms.MultipleChoiceField(
        label=_("Severity"), choices=[(s.value, s.label) for s in SEVERITIES], required=False
    )
    status = forms.MultipleChoiceField(label=_("Status"), choices=Status.choices, required=False)
    mine = forms.BooleanField(label=_("Mentions me"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)

    def __init__(self, data: QueryDict, *, parts: WorkspaceParts):
        super().__init__(data)
        self.parts = parts
        chosen = next((pk for pk in parts.journeys if str(pk) == data.get("journey")), None)
        self.fields["journey"].choices = [
            ("", _("All journeys")),
            *((pk, title) for pk, (title, _language) in parts.journeys.items()),
        ]
        self.fields["persona"].choices = [("", _("All personas")), *parts.personas(chosen)]
        for name, everything, by_pk in (
            ("stage", _("All stages"), parts.stages),
            ("channel", _("All channels"), parts.channels),
        ):
            self.fields[name].choices = [
                ("", everything),
                *((n, n) for n in parts.names(by_pk, chosen)),
            ]
        self.fields["owner"].choices = [("", _("All teams")), *((o, o) for o in parts.owners)]
        self._name_errors(chosen)

    def _name_errors(self, chosen: int | None) -> None:
        where = _("of the chosen journey") if chosen else _("of this workspace")
        messages = {
            "journey": _("That journey is not in this workspace (any more)."),
            "persona": _("That persona is not drawn in the chosen journey.")
            if chosen
            else _("That persona is not in this workspace (any more)."),
            "stage": _("“%(value)s” is not a stage %(where)s."),
            "channel": _("“%(value)s” is not a channel %(where)s."),
            "owner": _("No card with frictions has the owner team “%(value)s”."),
            "severity": _("“%(value)s” is not a severity: choose low, medium, high or critical."),
            "status": _("“%(value)s” is not a status: choose open, in progress or resolved."),
            "sort": _("The board cannot be sorted by “%(value)s”."),
        }
        for name, message in messages.items():
            # Django fills %(value)s when it refuses a value; `where` is known now.
            self.fields[name].error_messages["invalid_choice"] = str(message).replace(
                "%(where)s", str(where)
            )

    def value_of(self, name: str):
        """The valid value of a filter, or its empty value: a refused filter is not applied."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        empty = [] if name in ("severity", "status") else None
        return self.cleaned_data.get(name) or empty

    @property
    def sort_key(self) -> str:
        return self.value_of("sort") or DEFAULT_SORT

    def query(self, **changes) -> str:
        """The query string of this board with `changes` (a value, a list, or None to drop it):
        links of the counts, the sort and the pages keep every other filter."""
        values = {name: self.value_of(name) for name in PARAMS}
        values["mine"] = "1" if values["mine"] else None
        # The default order goes without saying, so a shared link stays short.
        values["sort"] = self.sort_key if self.sort_key != DEFAULT_SORT else None
        values |= changes
        query = QueryDict(mutable=True)
        for name, value in values.items():
            if isinstance(value, list):
                query.setlist(name, value)
            elif value:
                query[name] = value
        return query.urlencode()

    @property
    def active(self) -> bool:
        return any(self.value_of(name) for name in PARAMS)

    @property
    def unresolved_query(self) -> str:
        return self.query(status=UNRESOLVED)

    @property
    def select_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("journey", "persona", "stage", "channel", "owner")]

    def _toggles(self, name: str, icons: dict) -> list[tuple[str, str, str, bool]]:
        chosen = self.value_of(name)
        return [
            (value, label, icons.get(value, ""), value in chosen)
            for value, label in self.fields[name].choices
        ]

    @property
    def severity_options(self) -> list[tuple[str, str, str, bool]]:
        """Severities as toggles: value, label, icon, checked."""
        return self._toggles("severity", SEVERITY_ICON)

    @property
    def status_options(self) -> list[tuple[str, str, str, bool]]:
        return self._toggles("status", {})

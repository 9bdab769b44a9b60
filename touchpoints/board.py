"""The friction board: every friction note of a workspace in one table, filtered, sorted and
counted, with a constant number of queries whatever the number of notes.

What the filters mean:
- stage and channel are chosen by *name*. Each journey has its own columns and lanes, but the
  default ones ("Awareness", "Website"…) repeat across journeys, so "every friction at Purchase"
  is a question across journeys. Once a journey is chosen the lists offer its own stages and
  channels, in their order, and persona narrows to its personas too.
- the counts at the top (severity × status) count the notes that every filter *except* severity
  and status lets through, so they show what choosing a severity or a status would give; the
  cells the current choice covers are marked.
"""

from dataclasses import dataclass

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from journeys.models import Journey, JourneyPersona, Stage
from personas.models import Persona
from touchpoints.models import (
    SEVERITY_ICON,
    SEVERITY_RANK,
    Channel,
    Comment,
    FrictionNote,
    Mention,
    Severity,
    Status,
    Touchpoint,
)

PER_PAGE = 50
SEARCH_MAX_LENGTH = 100
# Worst first, as the counts and the "severity" sort read.
SEVERITIES = sorted(Severity, key=SEVERITY_RANK.get, reverse=True)
UNRESOLVED = [Status.OPEN, Status.IN_PROGRESS]

SORTS = {
    "severity": ("-severity_rank", "-created_at", "-pk"),
    "newest": ("-created_at", "-pk"),
    "oldest": ("created_at", "pk"),
    "updated": ("-updated_at", "-pk"),
}
SORT_CHOICES = [
    ("severity", pgettext_lazy("sort frictions", "Severity, worst first")),
    ("newest", pgettext_lazy("sort frictions", "Newest first")),
    ("oldest", pgettext_lazy("sort frictions", "Oldest first")),
    ("updated", pgettext_lazy("sort frictions", "Recently updated")),
]
# The order of the query string the board writes, so a shared link reads the same every time.
PARAMS = ("q", "journey", "persona", "stage", "channel", "owner", "severity", "status", "mine")


def _names(queryset: QuerySet) -> list[tuple[str, str]]:
    """Distinct names in column order (a name's first position across journeys)."""
    rows = queryset.values("name").annotate(first=Min("position")).order_by("first", "name")
    return [(row["name"], row["name"]) for row in rows]


class BoardFilters(forms.Form):
    """The board's GET parameters. Choices are loaded once, from this workspace only, so an id
    or a name from elsewhere is refused with a message instead of leaking or failing."""

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

    def __init__(self, data: QueryDict, *, workspace):
        super().__init__(data)
        journeys = list(
            Journey.objects.filter(workspace=workspace).order_by("title").values_list("pk", "title")
        )
        self.fields["journey"].choices = [("", _("All journeys")), *journeys]
        chosen = next((pk for pk, _title in journeys if str(pk) == data.get("journey")), None)
        in_journey = {"journey_id": chosen} if chosen else {"journey__workspace": workspace}
        personas = Persona.objects.filter(workspace=workspace)
        if chosen:
            personas = personas.filter(journey_links__journey_id=chosen)
        self.fields["persona"].choices = [
            ("", _("All personas")),
            *personas.order_by("name").values_list("pk", "name"),
        ]
        self.fields["stage"].choices = [
            ("", _("All stages")),
            *_names(Stage.objects.filter(**in_journey)),
        ]
        self.fields["channel"].choices = [
            ("", _("All channels")),
            *_names(Channel.objects.filter(**in_journey)),
        ]
        owners = (
            Touchpoint.objects.filter(journey__workspace=workspace, frictions__isnull=False)
            .exclude(owner="")
            .values_list("owner", flat=True)
            .distinct()
            .order_by("owner")
        )
        self.fields["owner"].choices = [("", _("All teams")), *((o, o) for o in owners)]
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
            # Lazy strings keep %(value)s for Django to fill; `where` is known now.
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
        return self.value_of("sort") or "severity"

    def query(self, **changes) -> str:
        """The query string of this board with `changes` (a value, a list, or None to drop it):
        links of the counts, the sort and the pages keep every other filter."""
        values = {name: self.value_of(name) for name in PARAMS}
        values["mine"] = "1" if values["mine"] else None
        values["sort"] = self.value_of("sort")
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


def filtered_notes(workspace, user, filters: BoardFilters) -> QuerySet:
    """The workspace's notes that pass every filter but severity and status."""
    notes = FrictionNote.objects.filter(touchpoint__journey__workspace=workspace)
    value = filters.value_of
    if value("q"):
        notes = notes.filter(Q(title__icontains=value("q")) | Q(description__icontains=value("q")))
    for name, lookup in (
        ("journey", "touchpoint__journey_id"),
        ("persona", "touchpoint__persona_id"),
        ("stage", "touchpoint__stage__name"),
        ("channel", "touchpoint__channel__name"),
        ("owner", "touchpoint__owner"),
    ):
        if value(name):
            notes = notes.filter(**{lookup: value(name)})
    if value("mine"):
        notes = notes.filter(
            Exists(Mention.objects.filter(user=user, comment__friction=OuterRef("pk")))
        )
    return notes


@dataclass
class CountCell:
    count: int
    query: str
    selected: bool


@dataclass
class CountRow:
    severity: Severity | None  # None: the totals row
    cells: list[CountCell]  # one per status, then the row's total

    @property
    def severity_icon(self) -> str:
        return SEVERITY_ICON[self.severity] if self.severity else ""


def count_matrix(notes: QuerySet, filters: BoardFilters) -> tuple[list[CountRow], int]:
    """Severity × status counts in one GROUP BY, each linking to the board filtered by it;
    and how many notes the current severity and status choice shows."""
    counts = {
        (row["severity"], row["status"]): row["n"]
        for row in notes.order_by().values("severity", "status").annotate(n=Count("pk"))
    }
    severities = filters.value_of("severity") or [s.value for s in SEVERITIES]
    statuses = filters.value_of("status") or [s.value for s in Status]
    # Without a severity or status choice every cell is shown: marking them all says nothing.
    choosing = bool(filters.value_of("severity") or filters.value_of("status"))

    def cell(severity_list: list, status_list: list) -> CountCell:
        return CountCell(
            count=sum(counts.get((sv, st), 0) for sv in severity_list for st in status_list),
            query=filters.query(
                severity=[] if len(severity_list) > 1 else severity_list,
                status=[] if len(status_list) > 1 else status_list,
            ),
            selected=choosing
            and set(severity_list) <= set(severities)
            and set(status_list) <= set(statuses),
        )

    all_severities, all_statuses = [s.value for s in SEVERITIES], [s.value for s in Status]
    rows = [
        CountRow(
            severity,
            [cell([severity], [status]) for status in all_statuses]
            + [cell([severity], all_statuses)],
        )
        for severity in SEVERITIES
    ]
    rows.append(
        CountRow(
            None,
            [cell(all_severities, [status]) for status in all_statuses]
            + [cell(all_severities, all_statuses)],
        )
    )
    shown = sum(counts.get((sv, st), 0) for sv in severities for st in statuses)
    return rows, shown


def _rows(notes: QuerySet, filters: BoardFilters, user) -> QuerySet:
    """The table's notes with all they show, in one query: the card and its journey, persona,
    stage and channel joined; comment count, the persona's key on the map and whether the note
    mentions the reader as sub-selects."""
    comment_count = (
        Comment.objects.filter(friction=OuterRef("pk"))
        .order_by()
        .values("friction")
        .annotate(n=Count("pk"))
        .values("n")
    )
    persona_key = JourneyPersona.objects.filter(
        journey=OuterRef("touchpoint__journey"), persona=OuterRef("touchpoint__persona")
    ).values("key")[:1]
    if filters.value_of("severity"):
        notes = notes.filter(severity__in=filters.value_of("severity"))
    if filters.value_of("status"):
        notes = notes.filter(status__in=filters.value_of("status"))
    return (
        notes.select_related(
            "author",
            "touchpoint__journey",
            "touchpoint__persona",
            "touchpoint__stage",
            "touchpoint__channel",
        )
        .annotate(
            severity_rank=Case(
                *(When(severity=s, then=Value(rank)) for s, rank in SEVERITY_RANK.items()),
                default=Value(0),
                output_field=IntegerField(),
            ),
            comment_count=Coalesce(Subquery(comment_count, output_field=IntegerField()), 0),
            persona_key=Subquery(persona_key),
            mentions_me=Exists(Mention.objects.filter(user=user, comment__friction=OuterRef("pk"))),
        )
        .order_by(*SORTS[filters.sort_key])
    )


class _CountedPaginator(Paginator):
    """A paginator told its count: the severity × status counts already hold it, so the
    COUNT(*) query a paginator makes is spared."""

    def __init__(self, object_list, per_page: int, count: int):
        super().__init__(object_list, per_page)
        self.count = count


@dataclass
class Board:
    filters: BoardFilters
    counts: list[CountRow]
    page: Page
    total: int


def load_board(workspace, user, params: QueryDict) -> Board:
    filters = BoardFilters(params, workspace=workspace)
    filters.is_valid()
    notes = filtered_notes(workspace, user, filters)
    counts, total = count_matrix(notes, filters)
    paginator = _CountedPaginator(_rows(notes, filters, user), PER_PAGE, total)
    page = paginator.get_page(params.get("page"))
    for note in page.object_list:
        touchpoint = note.touchpoint
        # The map opens the card on its persona's tab; without a key it finds the persona.
        query = {"persona": note.persona_key} if note.persona_key else {}
        note.card_url = "{}?{}".format(
            reverse("journeys:detail", args=[workspace.slug, touchpoint.journey_id]),
            urlencode(query | {"card": touchpoint.pk}),
        )
    return Board(filters=filters, counts=counts, page=page, total=total)

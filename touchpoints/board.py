"""The friction board: every friction note of a workspace in one table, filtered, sorted and
counted, with a constant number of queries whatever the number of notes.

The counts at the top (severity × status) count the notes that every filter *except* severity
and status lets through, so they show what choosing a severity or a status would give; the cells
the current choice covers are marked. The filters themselves are in board_filters.py.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    QuerySet,
    Value,
    When,
)
from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode

from core.folding import folded_search
from core.queries import correlated_count
from touchpoints.board_filters import SEVERITIES, BoardFilters, WorkspaceParts
from touchpoints.models import (
    SEVERITY_ICON,
    SEVERITY_RANK,
    Comment,
    FrictionNote,
    Mention,
    Severity,
    Status,
)

PER_PAGE = 50
SORTS = {
    "severity": ("-severity_rank", "-created_at", "-pk"),
    "newest": ("-created_at", "-pk"),
    "oldest": ("created_at", "pk"),
    "updated": ("-updated_at", "-pk"),
}


def _mentions(workspace, user) -> Exists:
    return Exists(
        Mention.objects.filter(workspace=workspace, user=user, comment__friction=OuterRef("pk"))
    )


def filtered_notes(workspace, user, filters: BoardFilters) -> QuerySet:
    """The workspace's notes that pass every filter but severity and status. Stages and
    channels chosen by name become the ids of the parts so named: no join to find them."""
    parts, value = filters.parts, filters.value_of
    journeys = [value("journey")] if value("journey") else list(parts.journeys)
    notes = FrictionNote.objects.filter(touchpoint__journey_id__in=journeys)
    if value("q"):
        notes = notes.filter(folded_search(value("q"), "title", "description"))
    if value("persona"):
        notes = notes.filter(touchpoint__persona_id=value("persona"))
    if value("stage"):
        notes = notes.filter(
            touchpoint__stage_id__in=parts.named(parts.stages, value("stage"), value("journey"))
        )
    if value("channel"):
        notes = notes.filter(
            touchpoint__channel_id__in=parts.named(
                parts.channels, value("channel"), value("journey")
            )
        )
    if value("owner"):
        notes = notes.filter(touchpoint__owner=value("owner"))
    if value("mine"):
        notes = notes.filter(_mentions(workspace, user))
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


def _rows(workspace, user, notes: QuerySet, filters: BoardFilters) -> QuerySet:
    """The table's notes with their card and author, the comment count and whether the thread
    mentions the reader as sub-selects: one query. The card's journey, persona, stage and
    channel are named from the workspace's parts, already read."""
    if filters.value_of("severity"):
        notes = notes.filter(severity__in=filters.value_of("severity"))
    if filters.value_of("status"):
        notes = notes.filter(status__in=filters.value_of("status"))
    return (
        notes.select_related("touchpoint", "author")
        .annotate(
            severity_rank=Case(
                *(When(severity=s, then=Value(rank)) for s, rank in SEVERITY_RANK.items()),
                default=Value(0),
                output_field=IntegerField(),
            ),
            comment_count=correlated_count(Comment.objects.all(), "friction"),
            mentions_me=_mentions(workspace, user),
        )
        # Only what a row shows: reading every column (a dozen dates a row) cost more than
        # running the query.
        .only(
            "title",
            "description",
            "severity",
            "status",
            "created_at",
            "author__name",
            "author__email",
            "touchpoint__title",
            "touchpoint__owner",
            "touchpoint__journey_id",
            "touchpoint__persona_id",
            "touchpoint__stage_id",
            "touchpoint__channel_id",
        )
        .order_by(*SORTS[filters.sort_key])
    )


@dataclass
class Place:
    """Where a note is, named: the row's journey, persona, stage, channel and card link."""

    journey: str
    language: str
    persona: str
    stage: str
    channel: str
    card_url: str


def _place(note: FrictionNote, parts: WorkspaceParts, slug: str) -> Place:
    touchpoint = note.touchpoint
    title, language = parts.journeys[touchpoint.journey_id]
    key, persona = parts.links.get((touchpoint.journey_id, touchpoint.persona_id), ("", ""))
    # The map opens the card on its persona's tab; without a key it finds the persona itself.
    query = {"persona": key, "card": touchpoint.pk} if key else {"card": touchpoint.pk}
    url = reverse("journeys:detail", args=[slug, touchpoint.journey_id])
    return Place(
        journey=title,
        language=language,
        persona=persona,
        stage=parts.stages[touchpoint.stage_id].name,
        channel=parts.channels[touchpoint.channel_id].name,
        card_url=f"{url}?{urlencode(query)}",
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

    @property
    def query(self) -> str:
        """This board's query string as the board writes it: no empty or refused filter."""
        query = self.filters.query()
        if self.page.number > 1:
            query += f"{'&' if query else ''}page={self.page.number}"
        return query


def load_board(workspace, user, params: QueryDict) -> Board:
    filters = BoardFilters(params, parts=WorkspaceParts.load(workspace))
    filters.is_valid()
    notes = filtered_notes(workspace, user, filters)
    counts, total = count_matrix(notes, filters)
    paginator = _CountedPaginator(_rows(workspace, user, notes, filters), PER_PAGE, total)
    page = paginator.get_page(params.get("page"))
    for note in page.object_list:
        note.place = _place(note, filters.parts, workspace.slug)
    return Board(filters=filters, counts=counts, page=page, total=total)

"""Friction notes on a card, and their comment threads, in the card panel of the map.

A change to a note answers with the note (or the card's whole friction list when a note comes or
goes), the card's cell out of band for its frictions badge, and `mapChanged` for the friction row.
Without JavaScript every form posts and comes back to the map with the card and the note open.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_htmx.http import retarget

from core import throttle
from core.conflicts import CONFLICT_STATUS, deleted_meanwhile, stale_edit
from core.htmx import HtmxHttpRequest
from core.versioning import StaleVersion
from journeys.access import get_journey
from journeys.models import Activity
from maps.responses import back_to_map, map_changed, message_only, render_map, touchpoint_map
from maps.swimlanes import CellKey, load_cells, load_map
from touchpoints.access import find_friction, get_comment, get_friction, get_touchpoint
from touchpoints.forms import (
    CommentForm,
    FrictionNoteForm,
    FrictionStatusForm,
    NewFrictionNoteForm,
    TouchpointForm,
)
from touchpoints.mention_mail import mail_mentioned
from touchpoints.models import FrictionNote, Status, Touchpoint
from workspaces.models import Action

FRICTIONS = "touchpoints/frictions.html"
# The same partials followed by the card's cell, for a change to the card's frictions.
WITH_CELLS = {
    "card_frictions": "card_frictions_changed",
    "friction": "friction_changed",
    "friction_editor": "friction_editor_changed",
}

STATUS_VERBS = {Status.RESOLVED: Activity.Verb.RESOLVED, Status.OPEN: Activity.Verb.REOPENED}


def _respond(
    request: HtmxHttpRequest,
    membership,
    touchpoint: Touchpoint,
    partial: str,
    *,
    status: int = 200,
    changed: bool = False,
    note: FrictionNote | None = None,
    **extra,
) -> HttpResponse:
    """`partial` of the frictions template; when the card's frictions `changed`, its cell too,
    out of band, and `mapChanged` for the friction row. A whole page without HTMX."""
    if not request.htmx:
        if request.method == "POST" and status < 400:
            query = (
                {"card": touchpoint.pk, "friction": note.pk} if note else {"card": touchpoint.pk}
            )
            return back_to_map(request, touchpoint.journey, **query)
        # A whole page: the card panel shows the card's editor too.
        extra.setdefault("form", TouchpointForm(instance=touchpoint))
    journey_map = touchpoint_map(request, touchpoint)
    drawn = partial
    if changed:
        extra["cells"] = load_cells(journey_map, {CellKey.of(touchpoint)})
        drawn = WITH_CELLS[partial]
    if note and partial != "card_frictions":
        # One note drawn alone: its thread as it is now. The card's list loads every note.
        note = FrictionNote.objects.with_threads().filter(pk=note.pk).first() or note
    response = render_map(
        request,
        membership,
        journey_map,
        f"{FRICTIONS}#{drawn}",
        status=status,
        touchpoint=touchpoint,
        note=note,
        open_friction=note.pk if note else None,
        **extra,
    )
    return map_changed(response) if changed else response


@login_required
@require_POST
def friction_add(request: HtmxHttpRequest, slug: str, pk: int, card_pk: int) -> HttpResponse:
    touchpoint, membership = get_touchpoint(request.user, slug, pk, card_pk, Action.EDIT)
    form = NewFrictionNoteForm(request.POST)
    if not form.is_valid():
        return _respond(
            request, membership, touchpoint, "card_frictions", status=400, friction_form=form
        )
    note = form.save(commit=False)
    note.author = request.user
    touchpoint.add_friction_note(note)
    Activity.record(request.user, Activity.Verb.CREATED, note, journey=touchpoint.journey)
    return _respond(request, membership, touchpoint, "card_frictions", changed=True, note=note)


@login_required
@require_safe
def friction_detail(request: HtmxHttpRequest, slug: str, pk: int, friction_pk: int):
    """The note as it is now: after "Cancel" or "Use theirs" in its editor."""
    note, membership = get_friction(request.user, slug, pk, friction_pk)
    return _respond(request, membership, note.touchpoint, "friction", note=note)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def friction_edit(request: HtmxHttpRequest, slug: str, pk: int, friction_pk: int):
    """GET: the note's editor. POST: save it, unless someone saved the note meanwhile."""
    if request.method == "POST":
        return _save_friction(request, slug, pk, friction_pk)
    note, membership = get_friction(request.user, slug, pk, friction_pk, Action.EDIT)
    form = FrictionNoteForm(instance=note)
    return _respond(
        request, membership, note.touchpoint, "friction_editor", note=note, friction_edit_form=form
    )


def _save_friction(request: HtmxHttpRequest, slug: str, pk: int, friction_pk: int):
    journey, membership = get_journey(request.user, slug, pk, Action.EDIT)
    note = find_friction(journey, friction_pk)
    if note is None:
        return _gone(request, membership, journey)
    touchpoint = note.touchpoint
    form = FrictionNoteForm(request.POST, instance=note)
    if not form.is_valid():
        return _respond(
            request,
            membership,
            touchpoint,
            "friction_editor",
            status=400,
            note=note,
            friction_edit_form=form,
        )
    status_before = note.status
    try:
        note.save_changes(form.cleaned_data["version"], **form.changes())
    except StaleVersion as stale:
        if stale.current is None:
            return _gone(request, membership, journey)
        mine, conflict = stale_edit(form, stale.current)
        return _respond(
            request,
            membership,
            touchpoint,
            "friction_editor",
            status=CONFLICT_STATUS,
            changed=True,
            note=stale.current,
            friction_edit_form=mine,
            friction_conflict=conflict,
        )
    _record_change(request, note, status_before)
    return _respond(request, membership, touchpoint, "friction", changed=True, note=note)


def _gone(request: HtmxHttpRequest, membership, journey) -> HttpResponse:
    """The note was deleted while the user typed: their text comes back in a message."""
    deleted_meanwhile(request, NewFrictionNoteForm(request.POST))
    journey_map = load_map(journey, None, with_touchpoints=False)
    return message_only(request, membership, journey_map)


def _record_change(request: HtmxHttpRequest, note: FrictionNote, status_before: str) -> None:
    verb = Activity.Verb.UPDATED
    if note.status != status_before:
        verb = STATUS_VERBS.get(note.status, verb)
    Activity.record(request.user, verb, note, journey=note.touchpoint.journey)


@login_required
@require_POST
def friction_status(request: HtmxHttpRequest, slug: str, pk: int, friction_pk: int):
    """Start, resolve or reopen a note in one click, from the version the user saw."""
    note, membership = get_friction(request.user, slug, pk, friction_pk, Action.EDIT)
    touchpoint = note.touchpoint
    form = FrictionStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("status", [_("Reload and retry.")])))
        return _respond(request, membership, touchpoint, "friction", status=400, note=note)
    status_before = note.status
    try:
        note.save_changes(form.cleaned_data["version"], status=form.cleaned_data["status"])
    except StaleVersion:
        messages.warning(
            request,
            _("Someone else changed “%(title)s” just before you; here it is now.")
            % {"title": note.title},
        )
        return _respond(
            request,
            membership,
            touchpoint,
            "friction",
            status=CONFLICT_STATUS,
            changed=True,
            note=note,
        )
    _record_change(request, note, status_before)
    return _respond(request, membership, touchpoint, "friction", changed=True, note=note)


@login_required
@require_POST
def friction_delete(request: HtmxHttpRequest, slug: str, pk: int, friction_pk: int):
    """Deleting a note deletes its thread: ask first when it has comments."""
    note, membership = get_friction(request.user, slug, pk, friction_pk, Action.EDIT)
    touchpoint = note.touchpoint
    comments = note.comments.count()
    if comments and not request.POST.get("confirm"):
        return _respond(
            request, membership, touchpoint, "friction_delete", note=note, comments=comments
        )
    note.delete()
    Activity.record(request.user, Activity.Verb.DELETED, note, journey=touchpoint.journey)
    messages.success(request, _("Friction “%(title)s” deleted.") % {"title": note.title})
    # The button's target is the note; with the note gone, the card's list takes its place.
    response = _respond(request, membership, touchpoint, "card_frictions", changed=True)
    return retarget(response, "#card_frictions")


@login_required
@require_POST
@throttle.limit_posts(throttle.COMMENT, per="user")
def comment_add(request: HtmxHttpRequest, slug: str, pk: int, friction_pk: int):
    note, membership = get_friction(request.user, slug, pk, friction_pk, Action.COMMENT)
    form = CommentForm(request.POST, members=membership.workspace.people())
    if not form.is_valid():
        return _respond(
            request,
            membership,
            note.touchpoint,
            "friction",
            status=400,
            note=note,
            comment_form=form,
        )
    comment = note.post_comment(
        request.user, form.cleaned_data["body"], form.mentioned, membership.workspace.pk
    )
    mail_mentioned(request, comment, form.mentioned, membership.workspace)
    Activity.record(request.user, Activity.Verb.COMMENTED, note, journey=note.touchpoint.journey)
    return _respond(request, membership, note.touchpoint, "friction", note=note)


def _own_comment(request: HtmxHttpRequest, slug: str, pk: int, comment_pk: int):
    """A comment its author may change: others' comments are read only, whatever the role."""
    comment, membership = get_comment(request.user, slug, pk, comment_pk, Action.COMMENT)
    if not comment.is_by(request.user):
        raise PermissionDenied
    return comment, membership


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def comment_edit(request: HtmxHttpRequest, slug: str, pk: int, comment_pk: int):
    comment, membership = _own_comment(request, slug, pk, comment_pk)
    note = comment.friction
    form = CommentForm(
        request.POST if request.method == "POST" else None,
        initial={"body": comment.body},
        members=membership.workspace.people(),
    )
    if request.method != "POST" or not form.is_valid():
        return _respond(
            request,
            membership,
            note.touchpoint,
            "comment_editor",
            status=400 if form.is_bound else 200,
            note=note,
            editing_comment=comment,
            comment_form=form,
        )
    named = comment.edit(form.cleaned_data["body"], form.mentioned, membership.workspace.pk)
    mail_mentioned(request, comment, named, membership.workspace)
    return _respond(request, membership, note.touchpoint, "friction", note=note)


@login_required
@require_POST
def comment_delete(request: HtmxHttpRequest, slug: str, pk: int, comment_pk: int):
    comment, membership = _own_comment(request, slug, pk, comment_pk)
    comment.delete()
    return _respond(
        request, membership, comment.friction.touchpoint, "friction", note=comment.friction
    )

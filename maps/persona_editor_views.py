"""The persona editor: the profile form (with its list buttons and edit conflicts) and the
photo, which has its own form so choosing a file never waits on the rest of the profile."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.conflicts import CONFLICT_STATUS, deleted_meanwhile, stale_edit
from core.htmx import HtmxHttpRequest, redirect_after_post, render_htmx, targeted
from core.versioning import StaleVersion
from journeys.models import Activity, channel_names
from personas.access import get_persona
from personas.forms import PersonaForm, PhotoForm, edit_list
from personas.models import Persona
from workspaces.access import get_membership
from workspaces.models import Action, Membership

# The photo's URL changes with every upload (it carries the file name), so a browser may keep it
# for good; "private" because only members may see it, so no shared cache should.
PHOTO_CACHE_CONTROL = "private, max-age=31536000, immutable"


def _render_editor(
    request: HtmxHttpRequest,
    persona: Persona,
    membership: Membership,
    *,
    form: PersonaForm | None = None,
    photo_form: PhotoForm | None = None,
    status: int = 200,
    **extra,
) -> HttpResponse:
    context = {
        "workspace": membership.workspace,
        "membership": membership,
        "persona": persona,
        "form": form or PersonaForm(instance=persona, channel_names=_channels(persona)),
        "photo_form": photo_form or PhotoForm(),
        **extra,
    }
    partial = targeted(request, "persona_form", "persona_photo")
    return render_htmx(request, "personas/edit.html", context, partial=partial, status=status)


def _channels(persona: Persona) -> list[str]:
    return channel_names(persona.workspace, persona.preferred_channels)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def persona_edit(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    try:
        persona, membership = get_persona(request.user, slug, pk, Action.EDIT)
    except Http404:
        if request.method != "POST":
            raise
        return _gone(request, slug)
    if request.method != "POST":
        return _render_editor(request, persona, membership)

    if "list_action" in request.POST:
        # Add, move or remove a list item: redraw the form as typed, saving nothing yet.
        edit = edit_list(request.POST, request.POST["list_action"])
        form = PersonaForm.carrying(
            edit.data, instance=persona, channel_names=_channels(persona), focus=edit.focus
        )
        return _render_editor(request, persona, membership, form=form, unsaved=True)

    form = PersonaForm(request.POST, instance=persona, channel_names=_channels(persona))
    if not form.is_valid():
        return _refused(_render_editor(request, persona, membership, form=form, status=422))
    try:
        persona.save_changes(form.cleaned_data["version"], **form.changes())
    except StaleVersion as stale:
        return _conflict(request, form, membership, stale.current)
    Activity.record(request.user, Activity.Verb.UPDATED, persona, workspace=membership.workspace)
    messages.success(request, _("“%(name)s” saved.") % {"name": persona})
    return redirect_after_post(request, persona.get_absolute_url())


def _gone(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    """The persona was deleted while the user typed: their text comes back in a message."""
    membership = get_membership(request.user, slug, Action.EDIT)
    persona = Persona(workspace=membership.workspace)
    deleted_meanwhile(request, PersonaForm(request.POST, instance=persona, channel_names=[]))
    return redirect_after_post(request, reverse("personas:list", args=[slug]))


def _conflict(request: HtmxHttpRequest, form: PersonaForm, membership, current) -> HttpResponse:
    """Someone saved the persona since this editor opened (core/conflicts.py)."""
    if current is None:
        return _gone(request, membership.workspace.slug)
    current.workspace = membership.workspace
    mine, conflict = stale_edit(form, current, channel_names=_channels(current))
    response = _render_editor(
        request, current, membership, form=mine, conflict=conflict, status=CONFLICT_STATUS
    )
    return _refused(response)


def _refused(response: HttpResponse) -> HttpResponse:
    # The Save button is at the bottom of a long form; the explanation is at its top.
    response["HX-Reswap"] = "outerHTML show:top"
    return response


@login_required
@require_POST
def persona_photo_upload(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    persona, membership = get_persona(request.user, slug, pk, Action.EDIT)
    form = PhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_editor(request, persona, membership, photo_form=form, status=422)
    persona.replace_photo(form.cleaned_data["photo"])
    Activity.record(request.user, Activity.Verb.UPDATED, persona, workspace=membership.workspace)
    return _after_photo_change(request, persona, membership, _("Photo saved."))


@login_required
@require_POST
def persona_photo_remove(request: HtmxHttpRequest, slug: str, pk: int) -> HttpResponse:
    persona, membership = get_persona(request.user, slug, pk, Action.EDIT)
    if persona.photo:
        persona.replace_photo(None)
        Activity.record(
            request.user, Activity.Verb.UPDATED, persona, workspace=membership.workspace
        )
    return _after_photo_change(
        request, persona, membership, _("Photo removed: the initials show instead.")
    )


def _after_photo_change(
    request: HtmxHttpRequest, persona: Persona, membership: Membership, done: str
) -> HttpResponse:
    if request.htmx:
        return _render_editor(request, persona, membership, photo_done=done)
    messages.success(request, done)
    return redirect_after_post(
        request, reverse("personas:edit", args=[membership.workspace.slug, persona.pk])
    )


@login_required
@require_safe
def persona_photo(request: HtmxHttpRequest, slug: str, pk: int, filename: str) -> HttpResponse:
    """A persona's photo, for members of its workspace only (media files are never public)."""
    persona, _membership = get_persona(request.user, slug, pk, Action.READ)
    if not persona.photo or persona.photo_filename != filename:
        raise Http404
    try:
        photo = persona.photo.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = FileResponse(photo, content_type=content_type)
    response["Cache-Control"] = PHOTO_CACHE_CONTROL
    return response

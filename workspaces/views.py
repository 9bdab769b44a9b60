from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.forms import SignupForm
from core import throttle
from core.conflicts import CONFLICT_STATUS, stale_edit
from core.versioning import StaleVersion
from workspaces.access import get_member, get_membership
from workspaces.forms import (
    AddMemberForm,
    DeleteWorkspaceForm,
    RoleForm,
    WorkspaceForm,
    WorkspaceSettingsForm,
)
from workspaces.invitations import send_invitation
from workspaces.models import Action, Invitation, LastOwnerError, Workspace


@throttle.limit_posts(throttle.SIGNUP)
def signup(request: HttpRequest) -> HttpResponse:
    """Creates the account and its first workspace, owned by the new user."""
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            name = form.cleaned_data["workspace_name"] or _("%(name)s's workspace") % {
                "name": user.display_name
            }
            workspace = Workspace.create_with_owner(name, user, form.workspace_language())
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(workspace)
    return render(
        request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200
    )


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "workspaces/front.html")
    workspace = Workspace.objects.for_user(request.user).first()
    if workspace is None:
        return redirect("workspace_create")
    return redirect(workspace)


@login_required
def workspace_create(request: HttpRequest) -> HttpResponse:
    form = WorkspaceForm(request.POST or None, initial={"language": request.LANGUAGE_CODE[:2]})
    if request.method == "POST" and form.is_valid():
        workspace = Workspace.create_with_owner(
            form.cleaned_data["name"], request.user, form.cleaned_data["language"]
        )
        return redirect(workspace)
    status = 400 if form.errors else 200
    return render(request, "workspaces/create.html", {"form": form}, status=status)


def _members_page(request, membership, status=200, **forms) -> HttpResponse:
    workspace = membership.workspace
    context = {
        "workspace": workspace,
        "membership": membership,
        "members": workspace.memberships.select_related("user").order_by(
            "user__name", "user__email"
        ),
        "add_form": forms.get("add_form") or AddMemberForm(workspace=workspace),
        "settings_form": forms.get("settings_form") or WorkspaceSettingsForm(instance=workspace),
        "settings_conflict": forms.get("settings_conflict"),
        "delete_form": forms.get("delete_form") or DeleteWorkspaceForm(workspace=workspace),
        "role_form": RoleForm(),
        "invitations": workspace.invitations.all() if membership.can_manage_members else (),
    }
    return render(request, "workspaces/members.html", context, status=status)


@login_required
@throttle.limit_posts(throttle.INVITATION, per="user")
def members(request: HttpRequest, slug: str) -> HttpResponse:
    """Everyone in the workspace sees the team; owners add people here."""
    action = Action.MANAGE_MEMBERS if request.method == "POST" else Action.READ
    membership = get_membership(request.user, slug, action)
    if request.method != "POST":
        return _members_page(request, membership)
    form = AddMemberForm(request.POST, workspace=membership.workspace)
    if not form.is_valid():
        return _members_page(request, membership, status=400, add_form=form)
    invitation, token = Invitation.invite(
        membership.workspace, form.cleaned_data["email"], form.cleaned_data["role"], request.user
    )
    send_invitation(request, invitation, token)
    return redirect("workspaces:members", slug)


@login_required
@require_POST
def member_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.MANAGE_MEMBERS)
    member = get_member(membership, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the listed roles."))
    else:
        try:
            member.change_role(form.cleaned_data["role"])
        except LastOwnerError:
            messages.error(request, _("A workspace needs at least one owner."))
        else:
            messages.success(
                request,
                _("%(name)s is now %(role)s.")
                % {"name": member.user, "role": member.get_role_display().lower()},
            )
    return redirect("workspaces:members", slug)


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.MANAGE_MEMBERS)
    member = get_member(membership, pk)
    try:
        member.remove()
    except LastOwnerError:
        messages.error(request, _("A workspace needs at least one owner."))
        return redirect("workspaces:members", slug)
    messages.success(request, _("%(name)s was removed.") % {"name": member.user})
    if member.user == request.user:
        return redirect("home")
    return redirect("workspaces:members", slug)


@login_required
@require_POST
def workspace_settings(request: HttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.MANAGE_MEMBERS)
    workspace = membership.workspace
    form = WorkspaceSettingsForm(request.POST, instance=workspace)
    if not form.is_valid():
        return _members_page(request, membership, status=400, settings_form=form)
    try:
        workspace.save_changes(form.cleaned_data["version"], **form.changes())
    except StaleVersion as stale:
        # The workspace cannot be gone: the membership that let the owner in was just read.
        membership.workspace = stale.current
        mine, conflict = stale_edit(form, stale.current)
        return _members_page(
            request,
            membership,
            status=CONFLICT_STATUS,
            settings_form=mine,
            settings_conflict=conflict,
        )
    messages.success(request, _("Workspace settings saved."))
    return redirect("workspaces:members", slug)


@login_required
@require_POST
def workspace_delete(request: HttpRequest, slug: str) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.DELETE_WORKSPACE)
    form = DeleteWorkspaceForm(request.POST, workspace=membership.workspace)
    if not form.is_valid():
        return _members_page(request, membership, status=400, delete_form=form)
    name = membership.workspace.name
    membership.workspace.delete()
    messages.success(request, _("The workspace %(name)s was deleted.") % {"name": name})
    return redirect("home")

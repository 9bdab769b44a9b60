"""Invitations: owners send, resend and cancel them; the invitee accepts or declines.

The invitee's pages are reached by the link's token alone (no membership yet). A new person sets
their name and password there; someone with an account logs in first, then accepts or declines.
Nobody is a member before accepting.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.forms import NewcomerForm
from accounts.models import User
from core import throttle
from workspaces.access import get_invitation, get_membership
from workspaces.invitations import ask_for_renewal, send_invitation
from workspaces.models import Action, Invitation


@login_required
@require_POST
@throttle.limit_posts(throttle.INVITATION, per="user")
def invitation_resend(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.MANAGE_MEMBERS)
    invitation = get_invitation(membership, pk)
    invitation.inviter = request.user
    send_invitation(request, invitation, invitation.renew())
    return redirect("workspaces:members", slug)


@login_required
@require_POST
def invitation_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, slug, Action.MANAGE_MEMBERS)
    invitation = get_invitation(membership, pk)
    invitation.delete()
    messages.success(
        request, _("The invitation to %(email)s was cancelled.") % {"email": invitation.email}
    )
    return redirect("workspaces:members", slug)


def _invitation_or_gone(request: HttpRequest, token: str):
    """The invitation, or the page saying the link no longer works (used, cancelled)."""
    invitation = Invitation.objects.by_token(token)
    if invitation is None:
        return None, render(request, "workspaces/invitation_gone.html", status=404)
    return invitation, None


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The welcome page: who invites whom to which workspace, and what to do next."""
    invitation, gone = _invitation_or_gone(request, token)
    if gone:
        return gone
    context = {"invitation": invitation, "token": token}
    if invitation.is_expired:
        return render(request, "workspaces/invitation_expired.html", context, status=410)
    has_account = User.objects.filter(email__iexact=invitation.email).exists()
    form = None
    if not has_account and not request.user.is_authenticated:
        form = NewcomerForm(request.POST or None, email=invitation.email)
        if request.method == "POST" and form.is_valid():
            user = form.save()
            invitation.accept(user)
            login(request, user, backend="accounts.backends.ModelBackend")
            return _welcome(request, invitation)
    context |= {
        "form": form,
        "has_account": has_account,
        "login_url": f"{reverse('login')}?next={request.path}",
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "workspaces/invitation.html", context, status=status)


def _welcome(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    messages.success(
        request, _("Welcome to %(workspace)s.") % {"workspace": invitation.workspace.name}
    )
    return redirect(invitation.workspace)


@login_required
@require_POST
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation, gone = _invitation_or_gone(request, token)
    if gone:
        return gone
    if invitation.is_expired or not invitation.is_for(request.user):
        return redirect("invitation", token)
    invitation.accept(request.user)
    return _welcome(request, invitation)


@login_required
@require_POST
def invitation_decline(request: HttpRequest, token: str) -> HttpResponse:
    invitation, gone = _invitation_or_gone(request, token)
    if gone:
        return gone
    if not invitation.is_for(request.user):
        return redirect("invitation", token)
    invitation.delete()
    messages.success(
        request,
        _("You declined the invitation to %(workspace)s.")
        % {"workspace": invitation.workspace.name},
    )
    return redirect("home")


@require_POST
def invitation_renewal(request: HttpRequest, token: str) -> HttpResponse:
    """From an expired link: ask the inviter for a new one."""
    invitation, gone = _invitation_or_gone(request, token)
    if gone:
        return gone
    # Once: a second request would only send the owners the same e-mail again.
    if invitation.is_expired and invitation.renewal_asked_at is None:
        ask_for_renewal(request, invitation)
    return redirect("invitation", token)

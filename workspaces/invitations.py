"""Invitation e-mails: the one place they are sent from, after the database has committed.

`send_invitation` is the only sender (inviting and Resend both call it), so a throttle can wrap
it. A mail server that fails is reported to the owner as a message, never as an error page: the
invitation stays pending and Resend tries again.
"""

import logging

from django.contrib import messages
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from workspaces.models import Invitation, Role

logger = logging.getLogger(__name__)


def _mail(template: str, context: dict, to: list[str]) -> None:
    subject = render_to_string(f"workspaces/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"workspaces/email/{template}.txt", context)
    send_mail(subject, body, None, to)


def _sent(template: str, context: dict, to: list[str]) -> bool:
    """Whether the mail left; any failure of the mail backend (refused connection, SMTP error,
    bad configuration) is logged and answered by the caller, never by a 500."""
    try:
        _mail(template, context, to)
    except Exception:
        logger.exception("The %s e-mail to %s could not be sent", template, to)
        return False
    return True


def send_invitation(request: HttpRequest, invitation: Invitation, token: str) -> None:
    """E-mails the invitation's link once the transaction that saved it has committed, and
    tells the owner whether it left. The same words whether or not the address has an account."""
    context = {
        "inviter": request.user,
        "workspace": invitation.workspace,
        "link": request.build_absolute_uri(reverse("invitation", args=[token])),
    }

    def deliver() -> None:
        if not _sent("invitation", context, [invitation.email]):
            messages.error(
                request,
                _(
                    "The invitation to %(email)s could not be sent: the mail server did not "
                    "answer. Try Resend in a moment."
                )
                % {"email": invitation.email},
            )
            return
        Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
        messages.success(
            request,
            _("An invitation was sent to %(email)s. They join once they accept it.")
            % {"email": invitation.email},
        )

    transaction.on_commit(deliver)


def ask_for_renewal(request: HttpRequest, invitation: Invitation) -> None:
    """The invitee of an expired link asks for a new one: its inviter (or the workspace's owners,
    if the inviter is gone) gets an e-mail, and the members page shows the request."""
    workspace = invitation.workspace
    owners = workspace.memberships.filter(role=Role.OWNER).values_list("user__email", flat=True)
    to = [invitation.inviter.email] if invitation.inviter else list(owners)
    context = {
        "invitation": invitation,
        "workspace": workspace,
        "link": request.build_absolute_uri(reverse("workspaces:members", args=[workspace.slug])),
    }
    Invitation.objects.filter(pk=invitation.pk).update(renewal_asked_at=timezone.now())

    def deliver() -> None:
        if _sent("invitation_renewal", context, to):
            messages.success(
                request, _("Your request was sent. You will get a new link by e-mail.")
            )
        else:
            messages.error(request, _("Your request could not be sent. Try again in a moment."))

    transaction.on_commit(deliver)

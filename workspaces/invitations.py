"""E-mail invitations for people added to a workspace before they have a password."""

import logging
import smtplib

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from workspaces.models import Membership

logger = logging.getLogger(__name__)


def send_invitation(request: HttpRequest, membership: Membership) -> bool:
    """Mail the invitation; False if the mail server refused it or could not be reached (the
    membership stands: the person can still choose a password through "Forgot password")."""
    user = membership.user
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "inviter": request.user,
        "workspace": membership.workspace,
        "link": request.build_absolute_uri(path),
    }
    subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
    body = render_to_string("accounts/email/invitation.txt", context)
    try:
        send_mail(subject, body, None, [user.email])
    except (OSError, smtplib.SMTPException):
        logger.exception("The invitation to %s could not be sent", user.email)
        return False
    return True

"""An e-mail to each newly mentioned member who asked for one, in their own language, sent
once the comment is committed. A failing mail server never fails the comment: it is logged."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def mail_mentioned(request: HttpRequest, comment, users, workspace) -> None:
    readers = [u for u in users if u.email_on_mention and u.pk != request.user.pk]
    if not readers:
        return
    link = request.build_absolute_uri(reverse("workspaces:mentions", args=[workspace.slug]))
    note = comment.friction
    context = {
        "author": request.user,
        "comment": comment,
        "note": note,
        "journey": note.touchpoint.journey,
        "workspace": workspace,
        "link": link,
    }

    def deliver() -> None:
        for reader in readers:
            with translation.override(reader.language or settings.LANGUAGE_CODE):
                subject = render_to_string("touchpoints/email/mention_subject.txt", context)
                body = render_to_string("touchpoints/email/mention.txt", context)
            try:
                send_mail(subject.strip(), body, None, [reader.email])
            except Exception:
                logger.exception("The mention e-mail to %s could not be sent", reader.email)

    transaction.on_commit(deliver)

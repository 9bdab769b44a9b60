from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, PasswordResetForm
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core import throttle


class LoginForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Email")
        self.fields["username"].widget.attrs["autocomplete"] = "email"


class SignupForm(BaseUserCreationForm):
    workspace_name = forms.CharField(
        label=_("Workspace name"),
        max_length=120,
        required=False,
        help_text=_("Your team's space. You can invite teammates once it exists."),
    )

    class Meta:
        model = User
        fields = ("email", "name")
        labels = {"email": _("Email"), "name": _("Your name")}

    def clean_email(self) -> str:
        # Whether the address has an account is told to its owner by mail, never on the page.
        return self.cleaned_data["email"].strip().lower()

    def _get_validation_exclusions(self):
        # The model's unique check would say it too ("User with this Email already exists").
        return {*super()._get_validation_exclusions(), "email"}

    def workspace_language(self) -> str:
        language = (get_language() or "en")[:2]
        return language if language in dict(settings.LANGUAGES) else "en"


class LimitedPasswordResetForm(PasswordResetForm):
    """A reset link goes to one address a few times an hour, however often it is asked for: the
    page says the same either way, so nobody learns whether mails stopped (or exist)."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):  # fmt: skip
        if throttle.allows(throttle.PASSWORD_RESET_MAILS, to_email.casefold()):
            super().send_mail(
                subject_template_name, email_template_name, context, from_email, to_email,
                html_email_template_name,
            )  # fmt: skip

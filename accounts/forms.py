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
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this email already exists."))
        return email

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


class NewcomerForm(BaseUserCreationForm):
    """An invited person's account: the address is the invitation's, they choose the rest."""

    class Meta:
        model = User
        fields = ("name",)
        labels = {"name": _("Your name")}

    def __init__(self, *args, email: str, **kwargs):
        # The address is set before validation, so the password may not resemble it either.
        super().__init__(*args, instance=User(email=email), **kwargs)
        self.fields["name"].required = True


class ProfileForm(forms.ModelForm):
    """What a person says about themselves; a new address needs their password."""

    current_password = forms.CharField(
        label=_("Current password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Needed only to change your e-mail address."),
    )

    class Meta:
        model = User
        fields = ("name", "email", "language", "email_on_mention")
        labels = {
            "name": _("Your name"),
            "email": _("Email"),
            "language": _("Interface language"),
            "email_on_mention": _("E-mail me when someone mentions me"),
        }
        help_texts = {
            "name": _("Teammates see it on the map, in comments and in mentions."),
            "language": _("Blank: the language your browser asks for."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
        self.fields["language"].choices = [("", _("Your browser's language")), *settings.LANGUAGES]
        self.saved_email = self.instance.email

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("An account with this email already exists."))
        return email

    def clean(self):
        cleaned = super().clean()
        new_email = cleaned.get("email")
        if new_email and new_email != self.saved_email.lower():
            user = User.objects.get(pk=self.instance.pk)
            if not user.check_password(cleaned.get("current_password") or ""):
                self.add_error(
                    "current_password", _("Type your current password to change your address.")
                )
        return cleaned

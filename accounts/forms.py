from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import User


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

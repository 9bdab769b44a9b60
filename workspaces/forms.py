from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import VersionedForm
from workspaces.models import Membership, Role, Workspace


class WorkspaceForm(forms.ModelForm):
    class Meta:
        model = Workspace
        fields = ("name", "language")
        labels = {"name": _("Workspace name"), "language": _("Language of new journeys")}
        help_texts = {
            "language": _("Default stage and channel names of new journeys use this language.")
        }
        widgets = {"language": forms.Select(choices=settings.LANGUAGES)}


class WorkspaceSettingsForm(VersionedForm):
    """The same fields, edited later: from the version the owner started from."""

    class Meta(WorkspaceForm.Meta):
        pass


class AddMemberForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.EDITOR)

    def __init__(self, *args, workspace: Workspace, **kwargs):
        super().__init__(*args, **kwargs)
        self.workspace = workspace

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if self.workspace.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member."))
        return email


class RoleForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ("role",)
        labels = {"role": _("Role")}


class DeleteWorkspaceForm(forms.Form):
    confirm = forms.CharField(label=_("Type the workspace name to confirm"))

    def __init__(self, *args, workspace: Workspace, **kwargs):
        super().__init__(*args, **kwargs)
        self.workspace = workspace

    def clean_confirm(self) -> str:
        if self.cleaned_data["confirm"].strip() != self.workspace.name:
            raise forms.ValidationError(_("The name does not match."))
        return self.cleaned_data["confirm"]

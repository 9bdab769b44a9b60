from django import forms
from django.utils.translation import gettext_lazy as _

from versions.models import Version


class SnapshotForm(forms.ModelForm):
    """A version taken by hand: its label says what moment it keeps."""

    class Meta:
        model = Version
        fields = ["label"]
        labels = {"label": _("Label of the version")}
        help_texts = {"label": _("For example “Before the checkout redesign”.")}

    def clean_label(self) -> str:
        return self.cleaned_data["label"].strip()

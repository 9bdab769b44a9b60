from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from journeys.models import Journey


class JourneyForm(forms.ModelForm):
    """A new journey: a title and an optional description; stages and channels come by default."""

    class Meta:
        model = Journey
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class JourneyImportForm(forms.Form):
    file = forms.FileField(
        label=_("Journey file (.json)"),
        widget=forms.FileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_file(self):
        # The size comes from the upload handler, so a huge file is refused before anyone reads it.
        upload = self.cleaned_data["file"]
        limit = settings.JOURNEY_FILE_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is %(size)s; a journey file may be at most %(limit)s."),
                code="too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            )
        return upload

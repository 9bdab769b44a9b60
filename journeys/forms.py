from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from journeys.models import Journey, Stage
from personas.models import Persona


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


class VersionedForm(forms.ModelForm):
    """An edit form that carries the version its user started from (see journeys.editing)."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class StageForm(VersionedForm):
    class Meta:
        model = Stage
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class NewStageForm(forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["name"]
        labels = {"name": _("New stage")}


class PositionForm(forms.Form):
    """Where a stage, channel or card goes among its siblings, from the version it was seen at."""

    position = forms.IntegerField(min_value=0, max_value=10_000)
    version = forms.IntegerField(min_value=1)


class JourneyPersonaForm(forms.Form):
    persona = forms.ModelChoiceField(
        queryset=Persona.objects.none(),
        label=_("Persona"),
        error_messages={"invalid_choice": _("Choose a persona of this workspace.")},
    )

    def __init__(self, *args, journey: Journey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persona"].queryset = Persona.objects.filter(workspace=journey.workspace_id)

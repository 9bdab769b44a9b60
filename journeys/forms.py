import re

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.forms import VersionedForm
from journeys.models import Channel, Journey, Stage
from personas.models import Persona

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class JourneyForm(forms.ModelForm):
    """A new journey: a title, an optional description, and the language its default stages and
    channels are named in (the creator's interface language unless they choose another)."""

    language = forms.ChoiceField(
        label=_("Language of the stages and channels"),
        choices=settings.LANGUAGES,
        required=False,
    )

    class Meta:
        model = Journey
        fields = ["title", "description", "language"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, interface_language: str = settings.LANGUAGE_CODE, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = interface_language

    def clean_language(self) -> str:
        return self.cleaned_data["language"] or self.fields["language"].initial


class JourneyEditForm(VersionedForm):
    """A journey's title and description, edited in place on its map."""

    class Meta:
        model = Journey
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class DuplicateJourneyForm(forms.Form):
    with_comments = forms.BooleanField(label=_("Copy the comments too"), required=False)


class JourneySearchForm(forms.Form):
    """The journeys page's search and order, from the query string."""

    SORTS = {"updated": ["-updated_at", "pk"], "title": ["title", "pk"]}

    q = forms.CharField(label=_("Search journeys"), required=False, max_length=100)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("updated", _("Last updated")), ("title", _("Title"))],
    )

    def query(self) -> str:
        return self.cleaned_data.get("q", "").strip() if self.is_valid() else ""

    def order(self) -> list[str]:
        sort = self.cleaned_data.get("sort") if self.is_valid() else ""
        return self.SORTS[sort or "updated"]


class JourneyImportForm(forms.Form):
    REUSE, NEW = "reuse", "new"

    file = forms.FileField(
        label=_("Journey file (.json)"),
        widget=forms.FileInput(attrs={"accept": ".json,application/json"}),
    )
    personas = forms.ChoiceField(
        label=_("Personas whose name is already in this workspace"),
        choices=[
            (REUSE, _("Use the workspace’s personas")),
            (NEW, _("Import them as new personas")),
        ],
        initial=REUSE,
        required=False,
        widget=forms.RadioSelect,
    )

    def reuse_personas(self) -> bool:
        return self.cleaned_data.get("personas", self.REUSE) != self.NEW

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


class ChannelForm(VersionedForm):
    class Meta:
        model = Channel
        fields = ["name", "icon", "colour"]
        widgets = {"colour": forms.TextInput(attrs={"type": "color"})}

    def clean_colour(self) -> str:
        colour = self.cleaned_data["colour"]
        if not HEX_COLOUR.match(colour):
            raise forms.ValidationError(_("Choose a colour like #2563eb."), code="invalid")
        return colour.lower()


class NewChannelForm(forms.ModelForm):
    class Meta:
        model = Channel
        fields = ["name"]
        labels = {"name": _("New channel")}


class AddToJourneyForm(forms.Form):
    """A journey of the persona's workspace that the persona is not in yet."""

    journey = forms.TypedChoiceField(label=_("Journey"), coerce=int)

    def __init__(self, *args, persona: Persona, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # One query for both the options and the check: a forged id is simply not a choice.
        self.journeys = {
            journey.pk: journey
            for journey in Journey.objects.filter(workspace=persona.workspace)
            .exclude(journey_personas__persona=persona)
            .order_by("title", "pk")
        }
        self.fields["journey"].choices = [(pk, j.title) for pk, j in self.journeys.items()]

    def clean_journey(self) -> Journey:
        return self.journeys[self.cleaned_data["journey"]]

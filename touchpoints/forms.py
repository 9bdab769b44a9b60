import re

from django import forms
from django.utils.translation import gettext_lazy as _

from journeys.forms import VersionedForm
from touchpoints.models import Channel, Touchpoint

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _in_journey(queryset, message):
    return forms.ModelChoiceField(
        queryset=queryset, error_messages={"invalid_choice": message}, widget=forms.HiddenInput
    )


class CellForm(forms.Form):
    """A cell of the map: a stage and a channel, both of the journey being edited."""

    stage = _in_journey(None, _("That stage is not part of this journey."))
    channel = _in_journey(None, _("That channel is not part of this journey."))

    def __init__(self, *args, journey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = journey.stages.all()
        self.fields["channel"].queryset = journey.channels.all()


class NewTouchpointForm(CellForm, forms.ModelForm):
    class Meta:
        model = Touchpoint
        fields = ["title"]
        labels = {"title": _("New card")}


class MoveTouchpointForm(CellForm):
    position = forms.IntegerField(min_value=0, max_value=10_000)
    version = forms.IntegerField(min_value=1)


class TouchpointForm(VersionedForm):
    class Meta:
        model = Touchpoint
        fields = ["title", "description", "emotion", "owner"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "emotion": forms.RadioSelect,
        }


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

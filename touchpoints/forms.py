import re

from django import forms
from django.utils.translation import gettext_lazy as _

from journeys.forms import VersionedForm
from touchpoints.models import Channel, Touchpoint

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class CellForm(forms.Form):
    """A cell of the map: a stage and a channel, both of the journey being edited.

    The choices come from the map already loaded, so checking them costs no query.
    """

    stage = forms.TypedChoiceField(
        coerce=int,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("That stage is not part of this journey.")},
    )
    channel = forms.TypedChoiceField(
        coerce=int,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("That channel is not part of this journey.")},
    )

    def __init__(self, *args, journey_map, **kwargs):
        super().__init__(*args, **kwargs)
        self.stages = {stage.pk: stage for stage in journey_map.stages}
        self.channels = {channel.pk: channel for channel in journey_map.channels}
        self.fields["stage"].choices = [(pk, pk) for pk in self.stages]
        self.fields["channel"].choices = [(pk, pk) for pk in self.channels]

    def cell(self) -> tuple:
        """The chosen (stage, channel)."""
        data = self.cleaned_data
        return self.stages[data["stage"]], self.channels[data["channel"]]


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

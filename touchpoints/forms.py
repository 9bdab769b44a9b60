from django import forms
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.forms import VersionedForm
from core.limits import COMMENT_MAX_LENGTH
from touchpoints.mentions import find_mentions
from touchpoints.models import FrictionNote, Status, Touchpoint


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


class FrictionNoteForm(VersionedForm):
    class Meta:
        model = FrictionNote
        fields = ["title", "description", "severity", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        # The card panel holds the card's editor too: each note's fields need their own ids.
        super().__init__(*args, auto_id=f"friction-{kwargs['instance'].pk}-%s", **kwargs)


class NewFrictionNoteForm(forms.ModelForm):
    class Meta:
        model = FrictionNote
        fields = ["title", "description", "severity", "status"]
        labels = {"title": _("What hurts?")}
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="new-friction-%s", **kwargs)


class FrictionStatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=Status.choices,
        error_messages={"invalid_choice": _("Choose open, in progress or resolved.")},
    )
    version = forms.IntegerField(min_value=1)


class CommentForm(forms.Form):
    """A comment's text; its @mentions must name members of the workspace."""

    body = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": COMMENT_MAX_LENGTH}),
        error_messages={"required": _("Write something before posting.")},
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if len(body) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                _("A comment can hold %(limit)s characters; this one has %(length)s."),
                code="max_length",
                params={"limit": intcomma(COMMENT_MAX_LENGTH), "length": intcomma(len(body))},
            )
        found = find_mentions(body, self.members)
        if found.unknown:
            raise forms.ValidationError(
                ngettext(
                    "%(names)s is not a member of this workspace: pick a name from the list.",
                    "%(names)s are not members of this workspace: pick names from the list.",
                    len(found.unknown),
                ),
                code="unknown_mention",
                params={"names": ", ".join(f"@{name}" for name in found.unknown)},
            )
        if found.ambiguous:
            raise forms.ValidationError(
                [
                    forms.ValidationError(
                        _("“@%(name)s” could be %(members)s: write more of the name."),
                        code="ambiguous_mention",
                        params={
                            "name": typed,
                            "members": get_text_list([user.display_name for user in users]),
                        },
                    )
                    for typed, users in found.ambiguous
                ]
            )
        self.mentioned = found.users
        return body

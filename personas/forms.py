import re
from dataclasses import dataclass

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from core.forms import VersionedForm
from core.limits import BIO_MAX_LENGTH, LIST_ITEM_MAX_LENGTH, LIST_MAX_ITEMS
from personas.models import AVATAR_COLOURS, OLDEST_AGE, PROFILE_FIELDS, Persona
from personas.photos import prepare_photo


class ItemListWidget(forms.Widget):
    """Several inputs sharing one name, one per item; the editor template draws them."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name)

    def value_omitted_from_data(self, data, files, name) -> bool:
        # No item posted means the list was emptied, not that the field was left out.
        return False


@dataclass
class ItemRow:
    input_id: str
    number: int  # counted from 1, as people count
    value: str
    autofocus: bool


class ItemListBoundField(forms.BoundField):
    """Gives the editor template one row per item, and which input a list button left focus on
    (`form.focus`, set by the view after `edit_list`)."""

    @property
    def rows(self) -> list[ItemRow]:
        focus = getattr(self.form, "focus", "")
        return [
            ItemRow(f"{self.name}-{index}", index + 1, value, focus == f"{self.name}-{index}")
            for index, value in enumerate(self.value() or [])
        ]

    @property
    def add_button_id(self) -> str:
        return f"{self.name}-add"

    @property
    def add_button_autofocus(self) -> bool:
        return getattr(self.form, "focus", "") == self.add_button_id


class ItemListField(forms.Field):
    """Goals, frustrations or needs: short texts in the order the persona's team put them."""

    widget = ItemListWidget
    bound_field_class = ItemListBoundField
    max_item_length = LIST_ITEM_MAX_LENGTH

    def __init__(self, *, item_label, add_label, **kwargs) -> None:
        self.item_label = item_label  # "Goal", as in "Goal 2"
        self.add_label = add_label  # "Add a goal"
        super().__init__(required=False, **kwargs)

    def to_python(self, value) -> list[str]:
        # Blank inputs are the ones just added and left empty: not items.
        return [item.strip() for item in value or [] if item.strip()]

    def validate(self, items: list[str]) -> None:
        problems = []
        if len(items) > LIST_MAX_ITEMS:
            problems.append(
                forms.ValidationError(
                    _("Keep it to %(limit)s items at most; this list has %(count)s."),
                    code="too_many",
                    params={"limit": LIST_MAX_ITEMS, "count": len(items)},
                )
            )
        seen = set()
        for number, item in enumerate(items, start=1):
            if len(item) > LIST_ITEM_MAX_LENGTH:
                problems.append(
                    forms.ValidationError(
                        _(
                            "%(item)s %(number)s is %(length)s characters long; "
                            "keep each item under %(limit)s."
                        ),
                        code="too_long",
                        params={
                            "item": self.item_label,
                            "number": number,
                            "length": len(item),
                            "limit": LIST_ITEM_MAX_LENGTH,
                        },
                    )
                )
            if item.casefold() in seen:
                problems.append(
                    forms.ValidationError(
                        _("“%(text)s” is in the list twice."),
                        code="duplicate",
                        params={"text": item},
                    )
                )
            seen.add(item.casefold())
        if problems:
            raise forms.ValidationError(problems)


class PersonaForm(VersionedForm):
    """The persona editor. `version` is the one the editor started from (core.versioning)."""

    age = forms.IntegerField(label=_("Age"), required=False, min_value=0, max_value=OLDEST_AGE)
    bio = forms.CharField(
        label=_("Bio"),
        required=False,
        max_length=BIO_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Who they are, in a few sentences: life, work, habits."),
    )
    goals = ItemListField(label=_("Goals"), item_label=_("Goal"), add_label=_("Add a goal"))
    frustrations = ItemListField(
        label=_("Frustrations"), item_label=_("Frustration"), add_label=_("Add a frustration")
    )
    needs = ItemListField(label=_("Needs"), item_label=_("Need"), add_label=_("Add a need"))
    preferred_channels = forms.MultipleChoiceField(
        label=_("Preferred channels"), required=False, widget=forms.CheckboxSelectMultiple
    )
    colour = forms.CharField(
        label=_("Colour behind the initials"),
        widget=forms.RadioSelect,
        help_text=_(
            "Shown when there is no photo. Every colour offered keeps white initials readable."
        ),
    )

    class Meta:
        model = Persona
        fields = PROFILE_FIELDS
        labels = {"name": _("Name"), "role": _("Role or title"), "quote": _("Quote")}
        widgets = {"quote": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"quote": _("A sentence they might say, in their own words.")}

    def __init__(self, *args, channel_names: list[str], **kwargs) -> None:
        """`channel_names`: the lanes the persona may prefer (journeys.models.channel_names)."""
        super().__init__(*args, **kwargs)
        persona = self.instance
        self.fields["preferred_channels"].choices = [(name, name) for name in channel_names]
        colours = dict(AVATAR_COLOURS)
        # A colour set before (an import, the admin) stays selectable until someone changes it.
        colours.setdefault(persona.colour, _("Current colour"))
        self.fields["colour"].widget.choices = list(colours.items())

    @classmethod
    def carrying(
        cls, data: QueryDict, instance: Persona, *, channel_names: list[str], focus: str = ""
    ) -> "PersonaForm":
        """An unbound form showing `data` as typed, for a redraw that saves nothing: no error
        is shown for a field the person has not finished. `focus` names the input to focus."""
        form = cls(instance=instance, channel_names=channel_names)
        form.focus = focus
        form.initial = {
            name: field.widget.value_from_datadict(data, {}, name)
            for name, field in form.fields.items()
        }
        return form

    def clean_preferred_channels(self) -> list[str]:
        # Checkboxes post in the page's order; keeping the persona's own order for the channels
        # it already had means saving other fields never shuffles (or "changes") this one.
        chosen = self.cleaned_data["preferred_channels"]
        before = [name for name in self.instance.preferred_channels if name in chosen]
        return before + [name for name in chosen if name not in before]

    def clean_colour(self) -> str:
        # Colour pickers and people write hex digits in either case; one spelling is stored.
        return self.cleaned_data["colour"].lower()


@dataclass
class ListEdit:
    """What an editor list button did: the data to redraw, and the input to focus."""

    data: QueryDict
    focus: str


LIST_ACTION = re.compile(r"(goals|frustrations|needs):(add|remove|up|down)(?::(\d+))?")


def edit_list(data: QueryDict, action: str) -> ListEdit:
    """Applies a list button of the editor ("goals:add", "needs:up:2") to the posted data.

    Items are 0-based. An action that names no item of the list leaves the data as it was.
    """
    data = data.copy()
    match = LIST_ACTION.fullmatch(action)
    if not match:
        return ListEdit(data, "")
    name, verb, index = match[1], match[2], int(match[3] or 0)
    items = data.getlist(name)
    if verb == "add":
        items.append("")
        index = len(items) - 1
    elif index >= len(items):
        return ListEdit(data, "")
    elif verb == "remove":
        del items[index]
        index = min(index, len(items) - 1)
    else:
        other = index - 1 if verb == "up" else index + 1
        if 0 <= other < len(items):
            items[index], items[other] = items[other], items[index]
            index = other
    data.setlist(name, items)
    return ListEdit(data, f"{name}-{index}" if items else f"{name}-add")


class NewPersonaForm(forms.ModelForm):
    class Meta:
        model = Persona
        fields = ["name", "role"]
        labels = {"name": _("Name"), "role": _("Role or title")}


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Choose a photo"),
        help_text=_("JPEG, PNG or WebP, up to 5 MB. It is cropped to a square."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    def clean_photo(self):
        return prepare_photo(self.cleaned_data["photo"])

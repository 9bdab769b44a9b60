from django import forms
from django.db import models
from django.forms.renderers import Jinja2


class FormRenderer(Jinja2):
    """Renders form fields with the project's field template (labels without Django's colon,
    so generated forms read like the hand-written ones): core/jinja2/includes/form_field.html.

    Through Jinja2, with the widget templates Django ships for it, rather than through the
    project's template engine: the same HTML but for blank lines, and a card's panel, which
    draws a dozen fields, went from 36 to 28.5 ms of processor time (in one sitting), a widget
    and its attributes being two template inclusions each for Django's engine."""

    field_template_name = "includes/form_field.html"


class VersionedForm(forms.ModelForm):
    """An edit form that carries the version its user started from (core/versioning.py), and
    says what someone else saved meanwhile (core/conflicts.py)."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def changes(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}

    def differences_from(self, latest: models.Model) -> list[tuple[str, str]]:
        """The fields someone else saved differently from what this form holds, as (label,
        their value as people read it), in the form's order."""
        found = []
        for name in self._meta.fields:
            theirs = getattr(latest, name)
            if theirs == self.cleaned_data.get(name):
                continue
            display = getattr(latest, f"get_{name}_display", None)
            if display:
                shown = display()
            elif isinstance(theirs, list):
                shown = " · ".join(theirs)
            else:
                shown = theirs
            found.append((self.fields[name].label, shown if shown != "" else "—"))
        return found

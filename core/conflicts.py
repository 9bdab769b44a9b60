"""The edit-conflict protocol, one for every versioned write (stages, channels, cards, friction
notes, personas, workspace settings).

A stale write (core.versioning.StaleVersion) is answered with status 409 and the editor drawn
again: the user's own text stays in the form, now carrying the newer version, and
`includes/conflict.html` shows beside it what the other person saved. "Save mine" posts the form
again and deliberately replaces theirs; "Use theirs" reloads the row. Without JavaScript the
whole page comes back in that state, so the user's text is never lost either way.
"""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _

from core.forms import VersionedForm

CONFLICT_STATUS = 409


@dataclass(frozen=True)
class Conflict:
    """What includes/conflict.html shows: the fields the other person saved differently, as
    (label, their value as people read it)."""

    theirs: list[tuple[str, str]]


def stale_edit(form: VersionedForm, current, **form_kwargs) -> tuple[VersionedForm, Conflict]:
    """After `form` (valid, posted) lost to a newer save of `current`: a form with the user's
    text at `current`'s version, so saving it again replaces theirs, and the conflict to show."""
    data = form.data.copy()
    data["version"] = str(current.version)
    mine = type(form)(data, instance=current, **form_kwargs)
    return mine, Conflict(form.differences_from(current))


def deleted_meanwhile(request: HttpRequest, form: forms.BaseForm) -> None:
    """The row was deleted while the user typed: their text comes back in a message, to copy,
    since there is nothing left to save it to."""
    typed = [
        str(form.data.get(name, "")).strip()
        for name, field in form.fields.items()
        if _is_text(field.widget)
    ]
    text = " — ".join(filter(None, typed))
    warning = _("Someone else deleted this while you were editing it.")
    if text:
        warning = _("%(warning)s Your text: %(text)s") % {"warning": warning, "text": text}
    messages.warning(request, warning)


def _is_text(widget: forms.Widget) -> bool:
    """A box people type words into (not a colour, a choice or a hidden version)."""
    if isinstance(widget, forms.Textarea):
        return True
    return type(widget) is forms.TextInput and widget.attrs.get("type", "text") == "text"

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from sharing.models import EXPIRY_DAYS

NEVER = "never"


class ShareLinkForm(forms.Form):
    expiry = forms.ChoiceField(
        label=_("Expires"),
        choices=[
            *(
                (
                    str(days),
                    ngettext_lazy("in %(days)d day", "in %(days)d days", days) % {"days": days},
                )
                for days in EXPIRY_DAYS
            ),
            (NEVER, _("never")),
        ],
        initial="30",
    )
    show_comments = forms.BooleanField(
        label=_("Show the comments of friction notes"), required=False
    )

    @property
    def days(self) -> int | None:
        expiry = self.cleaned_data["expiry"]
        return None if expiry == NEVER else int(expiry)

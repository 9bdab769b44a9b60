from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from evidence.columns import FIELDS, Mapping
from evidence.problems import InvalidEvidenceFile
from evidence.reading import MAX_BYTES, Table, read_table


class EvidenceUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Survey or analytics export (.csv or .xlsx)"),
        help_text=_("At most 10 MB and 50,000 rows; a header row, English or French column names."),
        widget=forms.FileInput(
            attrs={
                "accept": ".csv,.xlsx,.txt,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # The size comes from the upload handler: a huge file is refused before it is read.
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("This file is %(size)s; an evidence file may be at most %(limit)s."),
                code="too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)},
            )
        self.data_bytes = upload.read()
        try:
            self.table = read_table(self.data_bytes, upload.name)
        except InvalidEvidenceFile as error:
            raise forms.ValidationError([str(problem) for problem in error.problems]) from None
        return upload


class MappingForm(forms.Form):
    """Which column holds each field: guessed from the headers, changeable by the user."""

    def __init__(self, *args, table: Table, initial_mapping: Mapping, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not in the file —"))] + [
            (str(index), header) for index, header in enumerate(table.headers)
        ]
        for name, (label, _aliases) in FIELDS.items():
            guessed = initial_mapping.get(name)
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial="" if guessed is None else str(guessed),
            )

    def mapping(self) -> Mapping:
        return {name: self.cleaned_data.get(name) for name in FIELDS}

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Renders form fields with the project's field template (labels without Django's colon,
    so generated forms read like the hand-written ones)."""

    field_template_name = "includes/form_field.html"

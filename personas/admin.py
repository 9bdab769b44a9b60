from django.contrib import admin

from personas.models import Persona


@admin.register(Persona)
class PersonaAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "workspace", "updated_at"]
    search_fields = ["name", "role", "workspace__name"]
    raw_id_fields = ["workspace"]

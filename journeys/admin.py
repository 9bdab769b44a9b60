from django.contrib import admin

from journeys.models import Activity, Journey, JourneyPersona, Stage


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


class JourneyPersonaInline(admin.TabularInline):
    model = JourneyPersona
    extra = 0
    raw_id_fields = ["persona"]


@admin.register(Journey)
class JourneyAdmin(admin.ModelAdmin):
    list_display = ["title", "workspace", "language", "updated_at", "deleted_at"]
    list_filter = ["language"]
    search_fields = ["title", "workspace__name"]
    raw_id_fields = ["workspace", "created_by", "deleted_by"]
    inlines = [StageInline, JourneyPersonaInline]

    def get_queryset(self, request):
        # The admin sees the trash too: `deleted_at` says which journeys are in it.
        return Journey.with_trashed.all()


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "verb", "object_type", "object_label", "journey"]
    list_filter = ["verb", "object_type"]
    raw_id_fields = ["workspace", "journey", "actor"]

from django.contrib import admin

from journeys.models import Channel
from touchpoints.models import Comment, FrictionNote, Touchpoint


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "journey", "icon", "position"]
    raw_id_fields = ["journey"]


@admin.register(Touchpoint)
class TouchpointAdmin(admin.ModelAdmin):
    list_display = ["title", "journey", "persona", "stage", "channel", "emotion", "position"]
    search_fields = ["title", "journey__title"]
    raw_id_fields = ["journey", "persona", "stage", "channel"]


class CommentInline(admin.StackedInline):
    model = Comment
    extra = 0
    raw_id_fields = ["author"]


@admin.register(FrictionNote)
class FrictionNoteAdmin(admin.ModelAdmin):
    list_display = ["title", "severity", "status", "touchpoint"]
    list_filter = ["severity", "status"]
    raw_id_fields = ["touchpoint", "author"]
    inlines = [CommentInline]

from django.urls import path

from touchpoints import mention_views
from workspaces import views

app_name = "workspaces"
urlpatterns = [
    path("members/", views.members, name="members"),
    path("members/<int:pk>/role/", views.member_role, name="member_role"),
    path("members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("settings/", views.workspace_settings, name="settings"),
    path("delete/", views.workspace_delete, name="delete"),
    path("mentions/", mention_views.mentions, name="mentions"),
    path("mentions/<int:pk>/", mention_views.mention_open, name="mention_open"),
    path("mentions/read/", mention_views.mentions_read, name="mentions_read"),
    path("mentions/unread/", mention_views.mentions_unread, name="mentions_unread"),
    path("members/suggest/", mention_views.mention_suggestions, name="mention_suggestions"),
]

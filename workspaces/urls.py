from django.urls import path

from workspaces import invitation_views, views

# The "workspaces" namespace, with the mention pages of touchpoints/urls.py (config/urls.py).
urlpatterns = [
    path("members/", views.members, name="members"),
    path("members/<int:pk>/role/", views.member_role, name="member_role"),
    path("members/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path(
        "invitations/<int:pk>/resend/",
        invitation_views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "invitations/<int:pk>/cancel/",
        invitation_views.invitation_cancel,
        name="invitation_cancel",
    ),
    path("settings/", views.workspace_settings, name="settings"),
    path("delete/", views.workspace_delete, name="delete"),
]

from django.urls import path

from workspaces import invitation_views as views

# The invitee's pages, reached by the link's token (config/urls.py puts them under invitations/).
urlpatterns = [
    path("<str:token>/", views.invitation, name="invitation"),
    path("<str:token>/accept/", views.invitation_accept, name="invitation_accept"),
    path("<str:token>/decline/", views.invitation_decline, name="invitation_decline"),
    path("<str:token>/renewal/", views.invitation_renewal, name="invitation_renewal"),
]

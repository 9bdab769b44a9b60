from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from workspaces import views as workspace_views

urlpatterns = [
    path("", workspace_views.home, name="home"),
    path("workspaces/new/", workspace_views.workspace_create, name="workspace_create"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("w/<slug:slug>/", include("workspaces.urls")),
    path("w/<slug:slug>/journeys/", include("journeys.urls")),
    path("w/<slug:slug>/personas/", include("personas.urls")),
    path("w/<slug:slug>/frictions/", include("touchpoints.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

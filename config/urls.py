"""The root URLs: the top of the layering, wiring each app's pages under its address.

Two namespaces take pages from two layers, because their URLs were published that way and stay:
`workspaces` (members from workspaces, mentions from touchpoints) and `accounts/` (sign-up
creates a workspace, so it is a workspaces view). `journeys` also holds a journey's sharing
pages (share links, text version, presentation) from `sharing`, the layer above maps.
"""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from accounts import views as account_views
from maps import persona_urls
from maps import urls as map_urls
from sharing import urls as sharing_urls
from touchpoints import urls as touchpoint_urls
from versions import urls as version_urls
from workspaces import urls as workspace_urls
from workspaces import views as workspace_views

workspace_pages = workspace_urls.urlpatterns + touchpoint_urls.mention_patterns
journey_pages = map_urls.urlpatterns + sharing_urls.journey_patterns

urlpatterns = [
    path("", workspace_views.home, name="home"),
    path("workspaces/new/", workspace_views.workspace_create, name="workspace_create"),
    # Django's language switch, also remembered on a signed-in person's profile.
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    # Channel moved from touchpoints to journeys (migration journeys.0003): old admin links land.
    re_path(
        r"^admin/touchpoints/channel/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/journeys/channel/%(rest)s", permanent=True),
    ),
    path("admin/", admin.site.urls),
    path("accounts/signup/", workspace_views.signup, name="signup"),
    path("accounts/", include("accounts.urls")),
    path("invitations/", include("workspaces.invitation_urls")),
    path("w/<slug:slug>/", include((workspace_pages, "workspaces"))),
    path("w/<slug:slug>/journeys/", include((journey_pages, "journeys"))),
    path("w/<slug:slug>/journeys/", include(version_urls)),
    path("w/<slug:slug>/personas/", include(persona_urls)),
    path("w/<slug:slug>/frictions/", include(touchpoint_urls)),
    path("s/", include((sharing_urls.shared_patterns, "shared"))),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

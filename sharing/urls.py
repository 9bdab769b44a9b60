"""Two sets of addresses: a journey's sharing pages for its members, under the journeys
namespace (`journeys:share`…), and the pages of a share link (`shared:map`…) under /s/."""

from django.urls import path

from sharing import public_views, views

journey_patterns = [
    path("<int:pk>/share/", views.share_links, name="share"),
    path("<int:pk>/share/<int:link_pk>/revoke/", views.share_revoke, name="share_revoke"),
    path("<int:pk>/text/", views.journey_text, name="text"),
    path("<int:pk>/present/", views.journey_present, name="present"),
]

shared_patterns = [
    path("<str:token>/", public_views.shared_map, name="map"),
    path("<str:token>/text/", public_views.shared_text, name="text"),
    path("<str:token>/present/", public_views.shared_present, name="present"),
]

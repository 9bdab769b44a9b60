from django.urls import path

from maps import persona_editor_views as editor_views
from maps import persona_views as views

# The personas namespace: persona pages, which show and change the persona's journeys too.
app_name = "personas"
urlpatterns = [
    path("", views.persona_list, name="list"),
    path("new/", views.persona_create, name="create"),
    path("<int:pk>/", views.persona_detail, name="detail"),
    path("<int:pk>/card/", views.persona_card, name="card"),
    path("<int:pk>/duplicate/", views.persona_duplicate, name="duplicate"),
    path("<int:pk>/delete/", views.persona_delete, name="delete"),
    path("<int:pk>/journeys/", views.persona_journey_add, name="journey_add"),
    path(
        "<int:pk>/journeys/<int:journey_pk>/remove/",
        views.persona_journey_remove,
        name="journey_remove",
    ),
    path("<int:pk>/edit/", editor_views.persona_edit, name="edit"),
    path("<int:pk>/photo/", editor_views.persona_photo_upload, name="photo_upload"),
    path("<int:pk>/photo/remove/", editor_views.persona_photo_remove, name="photo_remove"),
    path("<int:pk>/photo/<str:filename>", editor_views.persona_photo, name="photo"),
]

from django.urls import path

from journeys import views

app_name = "journeys"
urlpatterns = [
    path("", views.journey_list, name="list"),
    path("new/", views.journey_create, name="create"),
    path("import/", views.journey_import, name="import"),
    path("<int:pk>/", views.journey_detail, name="detail"),
    path("<int:pk>/curve/", views.journey_curve, name="curve"),
    path("<int:pk>/export.<str:fmt>", views.journey_export, name="export"),
]

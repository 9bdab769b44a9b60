from django.urls import path

from live import views

app_name = "live"

urlpatterns = [
    path("stream/", views.stream, name="stream"),
    path("journeys/<int:journey_pk>/presence/", views.journey_presence, name="presence"),
]

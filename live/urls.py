from django.urls import path

from live import views

app_name = "live"

# Included under w/<slug>/: a journey's stream sits beside its other addresses.
urlpatterns = [
    path("live/stream/", views.stream, name="stream"),
    path("journeys/<int:journey_pk>/stream/", views.stream, name="journey_stream"),
    path("live/journeys/<int:journey_pk>/presence/", views.journey_presence, name="presence"),
]

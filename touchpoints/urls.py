from django.urls import path

from touchpoints import board_views

app_name = "frictions"

urlpatterns = [
    path("", board_views.board, name="board"),
]

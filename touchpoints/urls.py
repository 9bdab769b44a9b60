from django.urls import path

from touchpoints import board_views, mention_views

app_name = "frictions"

urlpatterns = [
    path("", board_views.board, name="board"),
]

# A member's mentions, under the workspace's address and in the workspaces namespace
# ("workspaces:mentions"), where they were first published: config/urls.py puts them there.
mention_patterns = [
    path("mentions/", mention_views.mentions, name="mentions"),
    path("mentions/<int:pk>/", mention_views.mention_open, name="mention_open"),
    path("mentions/read/", mention_views.mentions_read, name="mentions_read"),
    path("mentions/unread/", mention_views.mentions_unread, name="mentions_unread"),
    path("members/suggest/", mention_views.mention_suggestions, name="mention_suggestions"),
]

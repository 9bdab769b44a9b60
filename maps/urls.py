from django.urls import path

from journeys.views import journey_activity
from maps import (
    friction_views,
    journey_views,
    lifecycle_views,
    map_views,
    structure_views,
    touchpoint_views,
)
from maps.structure_views import CHANNELS, STAGES

# The journeys namespace: the journeys page and everything on a journey's map.
app_name = "journeys"


urlpatterns = [
    path("", journey_views.journey_list, name="list"),
    path("new/", journey_views.journey_create, name="create"),
    path("import/", journey_views.journey_import, name="import"),
    path("trash/", lifecycle_views.journey_trash, name="trash"),
    path("trash/<int:pk>/restore/", lifecycle_views.journey_restore, name="restore"),
    path("<int:pk>/", map_views.journey_detail, name="detail"),
    path("<int:pk>/curve/", map_views.journey_curve, name="curve"),
    path("<int:pk>/edit/", lifecycle_views.journey_edit, name="edit"),
    path("<int:pk>/duplicate/", lifecycle_views.journey_duplicate, name="duplicate"),
    path("<int:pk>/delete/", lifecycle_views.journey_delete, name="delete"),
    path("<int:pk>/activity/", journey_activity, name="activity"),
    path("<int:pk>/export.<str:fmt>", journey_views.journey_export, name="export"),
    path("<int:pk>/personas/add/", map_views.journey_persona_add, name="persona_add"),
    path("<int:pk>/personas/remove/", map_views.journey_persona_remove, name="persona_remove"),
    # Stages and channels are edited alike: the same views, told which axis by `axis`.
    path("<int:pk>/stages/add/", structure_views.part_add, {"axis": STAGES}, name="stage_add"),
    path(
        "<int:pk>/stages/<int:part_pk>/",
        structure_views.part_detail,
        {"axis": STAGES},
        name="stage",
    ),
    path(
        "<int:pk>/stages/<int:part_pk>/edit/",
        structure_views.part_editor,
        {"axis": STAGES},
        name="stage_edit",
    ),
    path(
        "<int:pk>/stages/<int:part_pk>/move/",
        structure_views.part_move,
        {"axis": STAGES},
        name="stage_move",
    ),
    path(
        "<int:pk>/stages/<int:part_pk>/delete/",
        structure_views.part_delete,
        {"axis": STAGES},
        name="stage_delete",
    ),
    path(
        "<int:pk>/channels/add/", structure_views.part_add, {"axis": CHANNELS}, name="channel_add"
    ),
    path(
        "<int:pk>/channels/<int:part_pk>/",
        structure_views.part_detail,
        {"axis": CHANNELS},
        name="channel",
    ),
    path(
        "<int:pk>/channels/<int:part_pk>/edit/",
        structure_views.part_editor,
        {"axis": CHANNELS},
        name="channel_edit",
    ),
    path(
        "<int:pk>/channels/<int:part_pk>/move/",
        structure_views.part_move,
        {"axis": CHANNELS},
        name="channel_move",
    ),
    path(
        "<int:pk>/channels/<int:part_pk>/delete/",
        structure_views.part_delete,
        {"axis": CHANNELS},
        name="channel_delete",
    ),
    path("<int:pk>/cards/add/", touchpoint_views.touchpoint_add, name="card_add"),
    path("<int:pk>/cards/restore/", touchpoint_views.touchpoint_restore, name="card_restore"),
    path("<int:pk>/cards/<int:card_pk>/", touchpoint_views.touchpoint_detail, name="card"),
    path("<int:pk>/cards/<int:card_pk>/move/", touchpoint_views.touchpoint_move, name="card_move"),
    path(
        "<int:pk>/cards/<int:card_pk>/delete/",
        touchpoint_views.touchpoint_delete,
        name="card_delete",
    ),
    path(
        "<int:pk>/cards/<int:card_pk>/frictions/add/",
        friction_views.friction_add,
        name="friction_add",
    ),
    path("<int:pk>/frictions/<int:friction_pk>/", friction_views.friction_detail, name="friction"),
    path(
        "<int:pk>/frictions/<int:friction_pk>/edit/",
        friction_views.friction_edit,
        name="friction_edit",
    ),
    path(
        "<int:pk>/frictions/<int:friction_pk>/status/",
        friction_views.friction_status,
        name="friction_status",
    ),
    path(
        "<int:pk>/frictions/<int:friction_pk>/delete/",
        friction_views.friction_delete,
        name="friction_delete",
    ),
    path(
        "<int:pk>/frictions/<int:friction_pk>/comments/add/",
        friction_views.comment_add,
        name="comment_add",
    ),
    path(
        "<int:pk>/comments/<int:comment_pk>/edit/", friction_views.comment_edit, name="comment_edit"
    ),
    path(
        "<int:pk>/comments/<int:comment_pk>/delete/",
        friction_views.comment_delete,
        name="comment_delete",
    ),
]

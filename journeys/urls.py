from django.urls import path

from journeys import structure_views, views
from journeys.structure_views import CHANNELS, STAGES
from touchpoints import friction_views
from touchpoints import views as card_views

app_name = "journeys"


def _axis_urls(axis) -> list:
    """Stages and channels are edited alike: the same five URLs for each."""
    base, name = f"<int:pk>/{axis.name}s/", axis.name
    kwargs = {"axis": axis}
    return [
        path(f"{base}add/", structure_views.part_add, kwargs, name=f"{name}_add"),
        path(f"{base}<int:part_pk>/", structure_views.part_detail, kwargs, name=name),
        path(
            f"{base}<int:part_pk>/edit/", structure_views.part_editor, kwargs, name=f"{name}_edit"
        ),
        path(f"{base}<int:part_pk>/move/", structure_views.part_move, kwargs, name=f"{name}_move"),
        path(
            f"{base}<int:part_pk>/delete/",
            structure_views.part_delete,
            kwargs,
            name=f"{name}_delete",
        ),
    ]


urlpatterns = [
    path("", views.journey_list, name="list"),
    path("new/", views.journey_create, name="create"),
    path("import/", views.journey_import, name="import"),
    path("<int:pk>/", views.journey_detail, name="detail"),
    path("<int:pk>/curve/", views.journey_curve, name="curve"),
    path("<int:pk>/activity/", views.journey_activity, name="activity"),
    path("<int:pk>/export.<str:fmt>", views.journey_export, name="export"),
    path("<int:pk>/personas/add/", views.journey_persona_add, name="persona_add"),
    path("<int:pk>/personas/remove/", views.journey_persona_remove, name="persona_remove"),
    *_axis_urls(STAGES),
    *_axis_urls(CHANNELS),
    path("<int:pk>/cards/add/", card_views.card_add, name="card_add"),
    path("<int:pk>/cards/restore/", card_views.card_restore, name="card_restore"),
    path("<int:pk>/cards/<int:card_pk>/", card_views.card_detail, name="card"),
    path("<int:pk>/cards/<int:card_pk>/move/", card_views.card_move, name="card_move"),
    path("<int:pk>/cards/<int:card_pk>/delete/", card_views.card_delete, name="card_delete"),
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

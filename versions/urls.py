from django.urls import path

from versions import compare_views, gallery_views, pair_views, version_page, views

# The versions namespace, under a workspace's journeys (config/urls.py).
app_name = "versions"

urlpatterns = [
    path("templates/", gallery_views.gallery, name="gallery"),
    path("templates/<slug:name>/use/", gallery_views.gallery_use, name="gallery_use"),
    path("templates/saved/<int:template_pk>/use/", gallery_views.saved_use, name="saved_use"),
    path(
        "templates/saved/<int:template_pk>/delete/",
        gallery_views.saved_delete,
        name="saved_delete",
    ),
    path("<int:pk>/save-as-template/", gallery_views.template_save, name="template_save"),
    path("<int:pk>/versions/", views.version_list, name="list"),
    path("<int:pk>/versions/new/", views.version_create, name="create"),
    path("<int:pk>/versions/import/", views.version_import, name="import"),
    path("<int:pk>/versions/<int:version_pk>/", version_page.version_detail, name="detail"),
    path("<int:pk>/versions/<int:version_pk>/restore/", views.version_restore, name="restore"),
    path("<int:pk>/versions/<int:version_pk>/delete/", views.version_delete, name="delete"),
    path("<int:pk>/versions/<int:version_pk>/file.json", views.version_download, name="download"),
    path("<int:pk>/compare/", compare_views.journey_compare, name="compare"),
    path("<int:pk>/compare.png", compare_views.journey_compare_png, name="compare_png"),
    path("<int:pk>/to-be/", pair_views.to_be_design, name="to_be"),
    path("<int:pk>/promote/", pair_views.to_be_promote, name="promote"),
]

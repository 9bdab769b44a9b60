from django.urls import path

from personas import views

app_name = "personas"
urlpatterns = [
    path("", views.persona_list, name="list"),
    path("<int:pk>/", views.persona_detail, name="detail"),
]

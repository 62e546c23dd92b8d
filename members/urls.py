from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("personer/", views.person_index, name="person_index"),
    path("personer/<slug:slug>/", views.person_detail, name="person_detail"),
]

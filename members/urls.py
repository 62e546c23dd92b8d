from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("personer/<slug:slug>/", views.person_detail, name="person_detail"),
]

from django.urls import path, register_converter

from . import views
from .converters import DateConverter, NumberConverter, YearConverter

register_converter(DateConverter, "date")
register_converter(YearConverter, "yyyy")
register_converter(NumberConverter, "num")

app_name = "meetings"

urlpatterns = [
    path("", views.home, name="home"),
    path("sok/", views.search, name="search"),
    path("sok/personer/", views.person_autocomplete, name="person_autocomplete"),
    path("anslagstavla/", views.notice_board, name="notice_board"),
    path("beslut/", views.decisions, name="decisions"),
    path("arenden/<slug:organisation>/", views.case_index, name="case_index"),
    path("arenden/<slug:organisation>/<slug:slug>/", views.case_detail, name="case_detail"),
    path("organ/", views.body_index, name="body_index"),
    path("organ/<slug:slug>/", views.body_detail, name="body_detail"),
    path("organ/<slug:slug>/<yyyy:year>/", views.body_year, name="body_year"),
    path("organ/<slug:slug>/<date:date>/", views.meeting_detail, name="meeting_detail"),
    path("organ/<slug:slug>/<date:date>/punkt/<num:position>/", views.item_detail, name="item_detail"),
    path(
        "organ/<slug:slug>/<yyyy:year>/paragraf/<num:number>/",
        views.paragraph_detail,
        name="paragraph_detail",
    ),
    path("organ/<slug:slug>/<yyyy:year>/§<num:number>/", views.paragraph_redirect, name="paragraph_short"),
]

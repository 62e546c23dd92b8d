from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Protokollarkivet")
admin.site.site_title = _("Protokollarkivet")
admin.site.index_title = _("Archive administration")

handler500 = "minutes.views.server_error"

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("members.urls")),
    path("", include("meetings.urls")),
]

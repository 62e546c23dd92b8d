from django.contrib.admin.apps import AdminConfig


class ArchiveAdminConfig(AdminConfig):
    """Django's admin with the archive's own site (``minutes.admin.ArchiveAdminSite``)."""

    default_site = "minutes.admin.ArchiveAdminSite"

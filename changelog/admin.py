from django.contrib import admin

from changelog.models import ChangeRecord
from core.admin_mixins import ReadOnlyAdminMixin


@admin.register(ChangeRecord)
class ChangeRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The register is written only by saves in admin: read-only here."""

    list_display = ["changed_at", "content_type", "object_id", "editor_name", "summary"]
    list_filter = ["content_type"]
    search_fields = ["editor_name", "summary"]
    date_hierarchy = "changed_at"

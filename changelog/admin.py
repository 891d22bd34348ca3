from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from changelog.models import ChangeRecord
from core.admin_mixins import ReadOnlyAdminMixin


@admin.register(ChangeRecord)
class ChangeRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The register is written only by saves in admin: read-only here."""

    list_display = ["changed_at", "changed_object", "content_type", "editor_name", "summary"]
    list_filter = ["content_type"]
    list_select_related = ["content_type"]
    search_fields = ["object_title", "editor_name", "summary"]
    date_hierarchy = "changed_at"

    @admin.display(description="obiekt", ordering="object_title")
    def changed_object(self, record):
        """The object's title (as it was then), linked to its page in admin while it exists."""
        title = record.object_title or f"obiekt nr {record.object_id}"
        try:
            url = reverse(
                f"admin:{record.content_type.app_label}_{record.content_type.model}_change", args=[record.object_id]
            )
        except NoReverseMatch:
            return title
        return format_html('<a href="{}">{}</a>', url, title)

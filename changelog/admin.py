from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst

from changelog.models import ChangeRecord
from core.admin_mixins import ReadOnlyAdminMixin


def kind_name(content_type):
    """„Wpis”, „Strona”: the model's own name, not ContentType's „Aktualności | wpis”."""
    model = content_type.model_class()
    return capfirst(model._meta.verbose_name) if model else content_type.model


class KindFilter(admin.RelatedOnlyFieldListFilter):
    """Only the kinds of content that have changes, named as the „rodzaj treści” column names them."""

    def field_choices(self, field, request, model_admin):
        choices = super().field_choices(field, request, model_admin)
        return sorted(((pk, kind_name(ContentType.objects.get_for_id(pk))) for pk, _ in choices), key=lambda c: c[1])


@admin.register(ChangeRecord)
class ChangeRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The register is written only by saves in admin: read-only here."""

    list_display = ["changed_at", "changed_object", "kind", "signed_by", "summary"]
    # Only the kinds of content that have changes, not every model of the site.
    list_filter = [("content_type", KindFilter)]
    list_select_related = ["content_type", "editor"]
    search_fields = ["object_title", "editor_name", "summary"]
    date_hierarchy = "changed_at"

    @admin.display(description="rodzaj treści", ordering="content_type")
    def kind(self, record):
        return kind_name(record.content_type)

    @admin.display(description="autor zmiany", ordering="editor_name")
    def signed_by(self, record):
        """The name kept with the change; for an account that had none, the account as staff know it."""
        if record.editor_name:
            return record.editor_name
        if record.editor is None:
            return "–"
        name = record.editor.get_full_name().strip()
        return name or f"{record.editor.email or record.editor.get_username()} (konto bez imienia i nazwiska)"

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

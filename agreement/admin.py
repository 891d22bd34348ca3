from django import forms
from django.contrib import admin, messages
from django_ckeditor_5.widgets import CKEditor5Widget

from agreement.models import Agreement, Signature
from changelog.history import VersionHistoryAdminMixin
from changelog.metryczka import MetryczkaAdminMixin
from core.admin_mixins import EditConflictAdminMixin
from core.documents import pdf_upload_warning, pdf_verdict


class AgreementAdminForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["title", "slug", "signed_on", "occasion", "meeting", "initiators", "text", "document", "is_published"]
        widgets = {
            "text": CKEditor5Widget(config_name="default"),
            "title": forms.Textarea(attrs={"rows": 2}),
        }


class SignatureInline(admin.TabularInline):
    model = Signature
    extra = 1
    autocomplete_fields = ["person", "institution"]
    fields = ["order", "function", "person", "institution", "note"]


@admin.register(Agreement)
class AgreementAdmin(EditConflictAdminMixin, VersionHistoryAdminMixin, MetryczkaAdminMixin, admin.ModelAdmin):
    form = AgreementAdminForm
    inlines = [SignatureInline]
    list_display = ["title", "signed_on", "is_published", "document_accessibility"]
    readonly_fields = ["document_accessibility"]
    fields = [
        "title",
        "slug",
        "signed_on",
        "occasion",
        "meeting",
        "initiators",
        "text",
        "document",
        "document_accessibility",
        "is_published",
    ]
    list_filter = ["is_published"]
    search_fields = ["title", "text"]
    date_hierarchy = "signed_on"
    prepopulated_fields = {"slug": ["title"]}

    @admin.display(description="dostępność skanu")
    def document_accessibility(self, agreement):
        if not agreement.document:
            return "–"
        return pdf_verdict(agreement.document_problems)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "document" in form.changed_data:
            warning = pdf_upload_warning("skan porozumienia", obj.document_problems)
            if warning:
                messages.warning(request, warning)

from django import forms
from django.contrib import admin
from django_ckeditor_5.widgets import CKEditor5Widget

from changelog.history import VersionHistoryAdminMixin
from changelog.metryczka import MetryczkaAdminMixin
from partnerstwo.models import Agreement, Signature


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
class AgreementAdmin(VersionHistoryAdminMixin, MetryczkaAdminMixin, admin.ModelAdmin):
    form = AgreementAdminForm
    inlines = [SignatureInline]
    list_display = ["title", "signed_on", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["title", "text"]
    date_hierarchy = "signed_on"
    prepopulated_fields = {"slug": ["title"]}

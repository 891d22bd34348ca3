from django import forms
from django.contrib import admin
from django_ckeditor_5.widgets import CKEditor5Widget

from partnerstwo.models import Agreement, Coordinator, Page, Signature


class PageAdminForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ["title", "slug", "section", "position", "body", "is_published"]
        widgets = {"body": CKEditor5Widget(config_name="default")}


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    form = PageAdminForm
    list_display = ["title", "section", "position", "is_published", "updated_at"]
    list_filter = ["section", "is_published"]
    list_editable = ["position"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Coordinator)
class CoordinatorAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "email"]

    def has_add_permission(self, request):
        return not Coordinator.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class AgreementAdminForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = ["title", "slug", "signed_on", "occasion", "initiators", "text", "document", "is_published"]
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
class AgreementAdmin(admin.ModelAdmin):
    form = AgreementAdminForm
    inlines = [SignatureInline]
    list_display = ["title", "signed_on", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["title", "text"]
    date_hierarchy = "signed_on"
    prepopulated_fields = {"slug": ["title"]}

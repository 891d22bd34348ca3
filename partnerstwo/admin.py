from django import forms
from django.contrib import admin
from django_ckeditor_5.widgets import CKEditor5Widget

from partnerstwo.models import Coordinator, Page


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

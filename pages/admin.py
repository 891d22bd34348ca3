from django import forms
from django.contrib import admin, messages
from django_ckeditor_5.widgets import CKEditor5Widget

from changelog.history import VersionHistoryAdminMixin
from changelog.metryczka import MetryczkaAdminMixin
from core.admin_mixins import SingleRowAdminMixin
from core.images import clean_form_image
from pages.models import AccessibilityStatement, Coordinator, Page


class PageAdminForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ["title", "slug", "section", "position", "body", "is_published"]
        widgets = {"body": CKEditor5Widget(config_name="default")}


class CoordinatorAdminForm(forms.ModelForm):
    class Meta:
        model = Coordinator
        fields = [
            "name",
            "address",
            "phone",
            "email",
            "office_hours",
            "website",
            "bip_url",
            "logo",
            "logo_alt",
            "home_image",
            "home_image_alt",
        ]

    def clean_logo(self):
        return clean_form_image(self.cleaned_data.get("logo"))

    def clean_home_image(self):
        return clean_form_image(self.cleaned_data.get("home_image"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("logo") and not cleaned.get("logo_alt"):
            self.add_error("logo_alt", "Podaj tekst alternatywny logo.")
        if cleaned.get("home_image") and not cleaned.get("home_image_alt"):
            self.add_error("home_image_alt", "Podaj tekst alternatywny ilustracji.")
        return cleaned


@admin.register(Page)
class PageAdmin(VersionHistoryAdminMixin, MetryczkaAdminMixin, admin.ModelAdmin):
    form = PageAdminForm
    list_display = ["title", "section", "position", "is_published", "updated_at"]
    list_filter = ["section", "is_published"]
    list_editable = ["position"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Coordinator)
class CoordinatorAdmin(SingleRowAdminMixin, admin.ModelAdmin):
    form = CoordinatorAdminForm
    list_display = ["name", "phone", "email"]
    fieldsets = [
        ("Dane kontaktowe (stopka portalu)", {"fields": ["name", "address", "phone", "email", "office_hours"]}),
        (
            "Linki w nagłówku",
            {
                "fields": ["website", "bip_url"],
                "description": "Puste pola nie pokazują linku; wpisuje się tylko prawdziwe adresy urzędu.",
            },
        ),
        ("Wygląd portalu", {"fields": ["logo", "logo_alt", "home_image", "home_image_alt"]}),
    ]


class AccessibilityStatementAdminForm(forms.ModelForm):
    class Meta:
        model = AccessibilityStatement
        fields = [
            "entity",
            "site_name",
            "published_on",
            "updated_on",
            "status",
            "non_compliances",
            "prepared_on",
            "reviewed_on",
            "assessment",
            "contact_person",
            "contact_email",
            "contact_phone",
            "architecture",
            "communication",
            "mobile_apps",
        ]
        help_texts = {"site_name": "Nazwa strony, której dotyczy deklaracja. Adres strony deklaracja podaje sama."}


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(SingleRowAdminMixin, admin.ModelAdmin):
    form = AccessibilityStatementAdminForm
    list_display = ["__str__", "status", "reviewed_on", "next_review_due", "review_up_to_date"]
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["entity", "site_name", "published_on", "updated_on"]}),
        ("Stan dostępności cyfrowej", {"fields": ["status", "non_compliances"]}),
        (
            "Przygotowanie deklaracji",
            {
                "fields": ["prepared_on", "reviewed_on", "assessment"],
                "description": "Deklarację przegląda się i aktualizuje co roku do 31 marca "
                "oraz po każdej istotnej zmianie portalu.",
            },
        ),
        ("Informacje zwrotne i dane kontaktowe", {"fields": ["contact_person", "contact_email", "contact_phone"]}),
        ("Pozostałe informacje", {"fields": ["architecture", "communication", "mobile_apps", "updated_at"]}),
    ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        statement = self.get_object(request, object_id)
        missing = statement.missing_parts() if statement else []
        if missing and request.method == "GET":
            messages.warning(
                request,
                "Na stronie deklaracji pominięto niewypełnione części: "
                + ", ".join(missing)
                + ". Pojawią się, gdy zostaną uzupełnione.",
            )
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description="następny przegląd do")
    def next_review_due(self, obj):
        return obj.next_review_due

    @admin.display(description="przegląd aktualny", boolean=True)
    def review_up_to_date(self, obj):
        return obj.next_review_due is not None and not obj.review_overdue

from django import forms
from django.contrib import admin, messages
from django_ckeditor_5.widgets import CKEditor5Widget

from changelog.history import VersionHistoryAdminMixin
from changelog.metryczka import MetryczkaAdminMixin
from core.admin_mixins import EditConflictAdminMixin, SingleRowAdminMixin
from core.content_checks import EASY_TO_READ_ATTR
from core.images import clean_form_image
from library.admin import AttachmentInline, warn_about_new_documents
from pages.models import (
    AccessibilityStatement,
    ActivityInformation,
    Announcement,
    Coordinator,
    HomeBlock,
    HomePage,
    HomeTile,
    MenuItem,
    Page,
    PageAttachment,
    PageRedirect,
)


class PageAdminForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ["title", "slug", "parent", "section", "position", "body", "is_published"]
        widgets = {"body": CKEditor5Widget(config_name="default")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Parents listed with their place in the tree: „O partnerstwie › Cele partnerstwa”.
        self.fields["parent"].queryset = Page.objects.order_by("section", "url_path")
        self.fields["parent"].label_from_instance = lambda p: f"{p.get_absolute_url()} – {p.title}"


class CoordinatorAdminForm(forms.ModelForm):
    class Meta:
        model = Coordinator
        fields = [
            "name",
            "address",
            "phone",
            "email",
            "office_hours",
            "dpo_name",
            "dpo_email",
            "dpo_phone",
            "website",
            "bip_url",
            "logo",
            "logo_alt",
        ]

    def clean_logo(self):
        return clean_form_image(self.cleaned_data.get("logo"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("logo") and not cleaned.get("logo_alt"):
            self.add_error("logo_alt", "Podaj tekst alternatywny logo.")
        return cleaned


class PageAttachmentInline(AttachmentInline):
    model = PageAttachment


@admin.register(Page)
class PageAdmin(EditConflictAdminMixin, VersionHistoryAdminMixin, MetryczkaAdminMixin, admin.ModelAdmin):
    form = PageAdminForm
    list_display = ["title", "address", "section", "position", "is_published", "updated_at"]
    list_filter = ["section", "is_published"]
    list_editable = ["position"]
    list_select_related = ["parent"]
    search_fields = ["title", "body"]
    ordering = ["section", "url_path"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PageAttachmentInline]

    @admin.display(description="adres", ordering="url_path")
    def address(self, obj):
        return obj.get_absolute_url()

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is PageAttachment:
            warn_about_new_documents(request, formset)


@admin.register(PageRedirect)
class PageRedirectAdmin(admin.ModelAdmin):
    """Old addresses are kept by the portal when a page moves; staff may look and remove one."""

    list_display = ["old_path", "page", "created_at"]
    list_select_related = ["page"]
    search_fields = ["old_path", "page__title"]
    readonly_fields = ["old_path", "page", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MenuItemAdminForm(forms.ModelForm):
    class Meta:
        model = MenuItem
        fields = ["label", "position", "page", "section", "url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "page" in self.fields:
            self.fields["page"].queryset = Page.objects.order_by("section", "url_path")
            self.fields["page"].label_from_instance = lambda p: f"{p.get_absolute_url()} – {p.title}"


@admin.register(MenuItem)
class MenuItemAdmin(EditConflictAdminMixin, admin.ModelAdmin):
    form = MenuItemAdminForm
    list_display = ["label", "target", "position"]
    list_editable = ["position"]
    list_select_related = ["page"]
    ordering = ["position", "pk"]
    fieldsets = [
        (None, {"fields": ["label", "position"]}),
        (
            "Dokąd prowadzi pozycja",
            {
                "fields": ["page", "section", "url"],
                "description": "Wybierz jedno: stronę, dział portalu albo adres. Menu w nagłówku, "
                "w menu na telefonie i w stopce ma te same pozycje w tej samej kolejności.",
            },
        ),
    ]

    @admin.display(description="prowadzi do")
    def target(self, obj):
        if obj.page_id:
            return f"strona „{obj.page}” ({obj.page.get_absolute_url()})"
        if obj.section:
            return f"dział „{obj.get_section_display()}”"
        return obj.url


class HomePageAdminForm(forms.ModelForm):
    class Meta:
        model = HomePage
        fields = [
            "home_heading",
            "home_intro",
            "home_image",
            "home_image_alt",
            "home_news_count",
            "home_meetings_count",
            "home_tiles_heading",
        ]
        widgets = {"home_intro": CKEditor5Widget(config_name="default")}

    def clean_home_image(self):
        return clean_form_image(self.cleaned_data.get("home_image"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("home_image") and not cleaned.get("home_image_alt"):
            self.add_error("home_image_alt", "Podaj tekst alternatywny ilustracji.")
        return cleaned


class HomeBlockInline(admin.TabularInline):
    model = HomeBlock
    fields = ["kind", "position", "is_shown"]
    readonly_fields = ["kind"]
    extra = 0
    can_delete = False
    verbose_name = "blok strony głównej"
    verbose_name_plural = "Bloki pod wstępem (kolejność i widoczność)"

    def has_add_permission(self, request, obj=None):
        return False


class AnnouncementInline(admin.StackedInline):
    model = Announcement
    fields = ["title", "text", "link_url", "link_label", "starts_at", "ends_at", "state"]
    readonly_fields = ["state"]
    extra = 0
    verbose_name_plural = "Komunikaty (blok „Komunikaty”)"

    @admin.display(description="stan")
    def state(self, obj):
        return obj.state() if obj.pk else "–"


class HomeTileInline(admin.TabularInline):
    model = HomeTile
    fields = ["label", "description", "url", "position"]
    extra = 0
    verbose_name_plural = "Kafelki z odnośnikami (blok „Kafelki z odnośnikami”)"


@admin.register(HomePage)
class HomePageAdmin(EditConflictAdminMixin, SingleRowAdminMixin, admin.ModelAdmin):
    """The coordinator's row seen as the home page: made with „Dane koordynatora” (or the demo), never here."""

    form = HomePageAdminForm
    inlines = [HomeBlockInline, AnnouncementInline, HomeTileInline]
    list_display = ["__str__"]
    fieldsets = [
        ("Wstęp", {"fields": ["home_heading", "home_intro"]}),
        ("Ilustracja obok wstępu", {"fields": ["home_image", "home_image_alt"]}),
        (
            "Zawartość bloków",
            {"fields": ["home_news_count", "home_meetings_count", "home_tiles_heading"]},
        ),
    ]

    def has_add_permission(self, request):
        return False  # and no "may add?" query on every admin page

    def change_view(self, request, object_id, form_url="", extra_context=None):
        home = self.get_object(request, object_id)
        if home is not None:
            HomeBlock.ensure_for(home)
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Coordinator)
class CoordinatorAdmin(EditConflictAdminMixin, SingleRowAdminMixin, admin.ModelAdmin):
    form = CoordinatorAdminForm
    list_display = ["name", "phone", "email"]
    fieldsets = [
        (
            "Dane kontaktowe (stopka portalu i strona „Kontakt”)",
            {
                "fields": ["name", "address", "phone", "email", "office_hours"],
                "description": "Puste pola nie pojawiają się na stronie; wpisuje się tylko prawdziwe dane urzędu.",
            },
        ),
        ("Inspektor ochrony danych", {"fields": ["dpo_name", "dpo_email", "dpo_phone"]}),
        (
            "Linki w nagłówku",
            {
                "fields": ["website", "bip_url"],
                "description": "Puste pola nie pokazują linku; wpisuje się tylko prawdziwe adresy urzędu.",
            },
        ),
        (
            "Wygląd portalu",
            {
                "fields": ["logo", "logo_alt"],
                "description": "Wstęp i ilustrację strony głównej zmienia się w części „Strona główna”.",
            },
        ),
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
class AccessibilityStatementAdmin(EditConflictAdminMixin, SingleRowAdminMixin, admin.ModelAdmin):
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
                "Niewypełnione części deklaracji: "
                + ", ".join(missing)
                + ". Strona deklaracji mówi przy nich, że danych nie podano; warto je uzupełnić.",
            )
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description="następny przegląd do")
    def next_review_due(self, obj):
        return obj.next_review_due

    @admin.display(description="przegląd aktualny", boolean=True)
    def review_up_to_date(self, obj):
        return obj.next_review_due is not None and not obj.review_overdue


class ActivityInformationAdminForm(forms.ModelForm):
    class Meta:
        model = ActivityInformation
        fields = [
            "easy_to_read",
            "sign_language_video",
            "sign_language_poster",
            "sign_language_captions",
            "sign_language_transcript",
            "text",
        ]
        widgets = {"easy_to_read": CKEditor5Widget(config_name="default", attrs={EASY_TO_READ_ATTR: "1"})}

    def clean_sign_language_poster(self):
        return clean_form_image(self.cleaned_data.get("sign_language_poster"))


@admin.register(ActivityInformation)
class ActivityInformationAdmin(EditConflictAdminMixin, SingleRowAdminMixin, admin.ModelAdmin):
    form = ActivityInformationAdminForm
    readonly_fields = ["updated_at"]
    fieldsets = [
        (
            "Tekst łatwy do czytania (ETR)",
            {
                "fields": ["easy_to_read"],
                "description": "Strona /tekst-latwy-do-czytania/. Panel obok edytora ocenia tekst według zasad "
                "tekstu łatwego do czytania: krótkie zdania, zwykłe słowa, bez strony biernej.",
            },
        ),
        (
            "Informacja w polskim języku migowym (PJM)",
            {
                "fields": [
                    "sign_language_video",
                    "sign_language_poster",
                    "sign_language_captions",
                    "sign_language_transcript",
                ],
                "description": "Strona /jezyk-migowy/. Bez nagrania strona podaje, jak poprosić o informację "
                "w polskim języku migowym (dane kontaktowe koordynatora).",
            },
        ),
        (
            "Tekst odczytywalny maszynowo",
            {"fields": ["text", "updated_at"], "description": "Strona /informacja-o-dzialalnosci/ i plik .txt."},
        ),
    ]

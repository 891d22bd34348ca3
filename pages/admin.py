import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django_ckeditor_5.widgets import CKEditor5Widget

from changelog.history import VersionHistoryAdminMixin
from changelog.metryczka import MetryczkaAdminMixin, is_public_now, record_change
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
from pages.tree import MoveError, move_page, page_tree
from stats.admin import ViewCountAdminMixin


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
class PageAdmin(
    EditConflictAdminMixin, VersionHistoryAdminMixin, MetryczkaAdminMixin, ViewCountAdminMixin, admin.ModelAdmin
):
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

    # The page tree: every page in its place, moved up and down among its siblings.

    def get_urls(self):
        return [
            path("drzewo/", self.admin_site.admin_view(self.tree_view), name="pages_page_tree"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        if self.has_change_permission(request):
            extra_context = {**(extra_context or {}), "tree_url": reverse("admin:pages_page_tree")}
        return super().changelist_view(request, extra_context)

    def tree_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        error = ""
        if request.method == "POST":
            try:
                page, direction = self._move_from_tree(request)
            except MoveError as problem:
                error = str(problem)
            else:
                where = "wyżej" if direction == "gora" else "niżej"
                messages.success(request, f"Stronę „{page}” przeniesiono {where}.")
                url = reverse("admin:pages_page_tree")
                # No #fragment: the browser would then skip the autofocus that returns to the page.
                return redirect(f"{url}?przeniesiona={page.pk}&kierunek={direction}")
        moved, direction = request.GET.get("przeniesiona", ""), request.GET.get("kierunek", "")
        context = {
            **self.admin_site.each_context(request),
            "title": "Drzewo stron",
            "subtitle": None,
            "opts": self.opts,
            "sections": page_tree(focus=moved, direction=direction),
            "error": error,
        }
        return TemplateResponse(request, "admin/pages/page/tree.html", context, status=400 if error else 200)

    def _move_from_tree(self, request):
        summary = "Zmiana kolejności w drzewie stron"
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(summary)
            page, direction, changed = move_page(
                request.POST.get("strona", ""), request.POST.get("kierunek", ""), request.POST.get("miejsce", "")
            )
            for sibling in changed:
                was_public = is_public_now(sibling)
                sibling.save()
                record_change(sibling, request.user, created=False, was_public=was_public, summary=summary)
                self.log_change(request, sibling, [{"changed": {"fields": ["kolejność"]}}])
        return page, direction

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
        fields = ["label", "parent", "position", "page", "section", "url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "page" in self.fields:
            self.fields["page"].queryset = Page.objects.order_by("section", "url_path")
            self.fields["page"].label_from_instance = lambda p: f"{p.get_absolute_url()} – {p.title}"
        if "parent" in self.fields:
            # Only top items have a submenu; an item is never offered as its own parent.
            top = MenuItem.objects.filter(parent__isnull=True)
            if self.instance.pk is not None:
                top = top.exclude(pk=self.instance.pk)
            self.fields["parent"].queryset = top
            self.fields["parent"].error_messages["invalid_choice"] = (
                "Wybierz pozycję główną menu: podmenu ma tylko jeden poziom."
            )


class MenuChildInline(admin.TabularInline):
    """The items of a top item's submenu, edited on the top item's page in their order."""

    model = MenuItem
    fk_name = "parent"
    form = MenuItemAdminForm
    fields = ["label", "position", "page", "section", "url"]
    ordering = ["position", "pk"]
    extra = 0
    verbose_name = "pozycja podmenu"
    verbose_name_plural = "Podmenu: pozycje pod tą pozycją (jeden poziom, w kolejności od najmniejszej liczby)"


@admin.register(MenuItem)
class MenuItemAdmin(EditConflictAdminMixin, admin.ModelAdmin):
    form = MenuItemAdminForm
    inlines = [MenuChildInline]
    list_display = ["label", "parent", "target", "position"]
    list_editable = ["position"]
    list_select_related = ["page", "parent"]
    # Each top item followed by its submenu, both in staff's order.
    ordering = [
        Coalesce("parent__position", "position"),
        Coalesce("parent_id", "id"),
        F("parent_id").asc(nulls_first=True),
        "position",
        "pk",
    ]
    fieldsets = [
        (None, {"fields": ["label", "parent", "position"]}),
        (
            "Dokąd prowadzi pozycja",
            {
                "fields": ["page", "section", "url"],
                "description": "Wybierz jedno: stronę, dział portalu albo adres. Menu w nagłówku, "
                "w menu na telefonie i w stopce ma te same pozycje w tej samej kolejności.",
            },
        ),
    ]

    def get_inlines(self, request, obj):
        # An item inside a submenu has no submenu of its own.
        if obj is not None and obj.parent_id is not None:
            return []
        return super().get_inlines(request, obj)

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

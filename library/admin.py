"""„Biblioteka” in the admin: its documents and images, and the „Załączniki” inline that posts and
pages share."""

import functools

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Count
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT
from django.forms.models import BaseInlineFormSet
from django.template.defaultfilters import filesizeformat
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from core.admin_mixins import EditConflictAdminMixin
from core.documents import pdf_upload_warning, pdf_verdict
from core.images import clean_image, image_size, replacement_files
from core.templatetags.pl import pl_datetime, plural
from library.models import KIND_LIST, LIBRARY_KINDS, Document, Image, ImageUse, check_library_document
from library.uses import label_for


class UseFilter(admin.SimpleListFilter):
    title = "użycie"
    parameter_name = "uzycie"

    def lookups(self, request, model_admin):
        return [("uzywane", "używane w treściach"), ("nieuzywane", "nieużywane")]

    def queryset(self, request, queryset):
        if self.value() == "uzywane":
            return queryset.used()
        if self.value() == "nieuzywane":
            return queryset.unused()
        return queryset


class KindFilter(admin.SimpleListFilter):
    title = "rodzaj"
    parameter_name = "rodzaj"

    def lookups(self, request, model_admin):
        return [(kind.value, kind.label) for kind in LIBRARY_KINDS]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(kind=self.value())
        return queryset


class DocumentAdminForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            file = self.fields["file"]
            file.label = "Zastąp plik"
            file.help_text = (
                f"Wybierz nowy plik ({KIND_LIST}), aby zastąpić obecny. Adres dokumentu się nie zmieni: "
                "wpisy i strony, które go podają, od razu pokażą nowy plik."
            )


@admin.register(Document)
class DocumentAdmin(EditConflictAdminMixin, admin.ModelAdmin):
    form = DocumentAdminForm
    list_display = ["title", "kind", "size_label", "use_count", "changed", "address"]
    list_filter = [KindFilter, UseFilter]
    search_fields = ["title"]
    ordering = ["-uploaded_at", "-pk"]  # newest first (an aggregate query drops Meta.ordering)
    readonly_fields = ["address", "label", "accessibility", "uploaded_at", "replaced_at", "where_used"]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["title", "file"]})]
        return [
            (None, {"fields": ["title", "address", "label", "accessibility", "file"]}),
            ("Historia pliku", {"fields": ["uploaded_at", "replaced_at"]}),
            ("Gdzie użyto", {"fields": ["where_used"]}),
        ]

    def get_queryset(self, request):
        # Two counts on two joins would multiply each other: distinct rows of each.
        return (
            super()
            .get_queryset(request)
            .annotate(
                post_uses=Count("post_attachments", distinct=True), page_uses=Count("page_attachments", distinct=True)
            )
        )

    @admin.display(description="rozmiar", ordering="size")
    def size_label(self, document):
        return filesizeformat(document.size)

    @admin.display(description="użycie")
    def use_count(self, document):
        uses = getattr(document, "post_uses", 0) + getattr(document, "page_uses", 0)
        return plural(uses, "miejsce,miejsca,miejsc") if uses else "nieużywany"

    @admin.display(description="plik z dnia", ordering="uploaded_at")
    def changed(self, document):
        return pl_datetime(document.changed_at)

    @admin.display(description="adres publiczny")
    def address(self, document):
        if not document.pk:
            return "–"
        url = document.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url)

    @admin.display(description="rodzaj i rozmiar")
    def label(self, document):
        return document.label if document.pk else "–"

    @admin.display(description="dostępność PDF")
    def accessibility(self, document):
        if not document.pk or document.kind != Document.Kind.PDF:
            return "–"
        return pdf_verdict(document.pdf_problems)

    @admin.display(description="wpisy i strony z tym załącznikiem")
    def where_used(self, document):
        if not document.pk:
            return "–"
        uses = [
            (f"Wpis „{a.post.title}”", reverse("admin:news_post_change", args=[a.post_id]), a.post.deleted_at)
            for a in document.post_attachments.select_related("post").order_by("post__title")
        ] + [
            (f"Strona „{a.page.title}”", reverse("admin:pages_page_change", args=[a.page_id]), None)
            for a in document.page_attachments.select_related("page").order_by("page__title")
        ]
        if not uses:
            return "Nigdzie: dokumentu nie dołączono do żadnego wpisu ani strony."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a>{}</li>',
                ((url, name, " (w koszu)" if trashed else "") for name, url, trashed in uses),
            ),
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "file" in form.changed_data:
            warning = pdf_upload_warning(obj.title, obj.pdf_problems)
            if warning:
                messages.warning(request, warning)


class ImageAdminForm(forms.ModelForm):
    replacement = forms.FileField(
        label="Zastąp plik",
        required=False,
        help_text=(
            "Nowy obraz (JPEG, PNG, GIF lub WebP) co najmniej tak szeroki jak obecny. Trafi pod ten sam "
            "adres, w tym samym formacie: wpisy i strony, które pokazują obraz, pokażą nowy."
        ),
    )

    class Meta:
        model = Image
        fields = ["title", "alt"]

    def clean_replacement(self):
        upload = self.cleaned_data.get("replacement")
        if upload:
            self.replacement_files = replacement_files(self.instance.file, clean_image(upload))
        return upload


def _write_files(files):
    """Store each (name, file) under exactly its name, in place of what was stored there."""
    for name, content in files:
        default_storage.delete(name)
        stored = default_storage.save(name, content)
        assert stored == name, f"{name} stored as {stored}"


@admin.register(Image)
class ImageAdmin(admin.ModelAdmin):
    form = ImageAdminForm
    list_display = ["thumbnail", "title", "pixels", "size_label", "use_count", "uploaded"]
    list_display_links = ["title"]
    list_filter = [UseFilter]
    search_fields = ["title"]
    ordering = ["-uploaded_at", "-pk"]  # newest first (an aggregate query drops Meta.ordering)
    readonly_fields = ["preview", "address", "pixels", "size_label", "uploaded_by", "uploaded_at", "replaced_at"]
    readonly_fields += ["where_used"]

    def get_fieldsets(self, request, obj=None):
        return [
            (None, {"fields": ["preview", "title", "alt", "address", "pixels", "size_label", "replacement"]}),
            ("Historia pliku", {"fields": ["uploaded_by", "uploaded_at", "replaced_at"]}),
            ("Gdzie użyto", {"fields": ["where_used"]}),
        ]

    def has_add_permission(self, request):
        return False  # images come into the library from the editor (adminsite.views.editor_image_upload)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("uploaded_by").annotate(use_total=Count("uses"))

    @admin.display(description="podgląd")
    def thumbnail(self, image):
        return format_html(
            '<img class="library-thumbnail" src="{}" width="{}" height="{}" alt="{}">',
            image.thumbnail_url,
            image.thumbnail_width,
            image.thumbnail_height,
            image.alt or image.title,
        )

    @admin.display(description="podgląd")
    def preview(self, image):
        return self.thumbnail(image)

    @admin.display(description="wymiary")
    def pixels(self, image):
        return f"{image.width} × {image.height} px"

    @admin.display(description="rozmiar", ordering="size")
    def size_label(self, image):
        return filesizeformat(image.size)

    @admin.display(description="użycie")
    def use_count(self, image):
        uses = getattr(image, "use_total", 0)
        return plural(uses, "miejsce,miejsca,miejsc") if uses else "nieużywany"

    @admin.display(description="dodano", ordering="uploaded_at")
    def uploaded(self, image):
        return pl_datetime(image.uploaded_at)

    @admin.display(description="adres publiczny")
    def address(self, image):
        return format_html('<a href="{}">{}</a>', image.url, image.url)

    @admin.display(description="treści, które pokazują obraz")
    def where_used(self, image):
        uses = list(image.uses.select_related("content_type"))
        if not uses:
            return "Nigdzie: żaden zapisany wpis, strona ani spotkanie nie pokazuje tego obrazu."
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((_use_link(use),) for use in uses)))

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        uses = ImageUse.objects.filter(image__in=[image.pk for image in objs]).select_related("image", "content_type")
        for use in uses.order_by("image__title", "title"):
            protected.append(format_html("obraz „{}” – {}", use.image.title, _use_link(use)))
        return deleted, counts, perms_needed, protected

    def save_model(self, request, obj, form, change):
        files = getattr(form, "replacement_files", None)
        if files:
            name, largest = files[0]
            obj.width, obj.height = image_size(largest)
            obj.size = largest.size
            obj.replaced_at = timezone.now()
        super().save_model(request, obj, form, change)
        if files:
            # After the commit: a save that rolls back leaves the stored picture as it was.
            transaction.on_commit(functools.partial(_write_files, files))


def _use_link(use):
    """„Wpis „Nabór wniosków”” linked to the item's page in the admin."""
    label = label_for(use.content_type.model_class())
    name = label if use.title == label else format_html("{} „{}”", label, use.title)  # „Strona główna” once
    try:
        url = reverse(f"admin:{use.content_type.app_label}_{use.content_type.model}_change", args=[use.object_id])
    except NoReverseMatch:  # a model the admin does not show
        return name
    return format_html('<a href="{}">{}</a>', url, name)


class AttachmentInlineForm(forms.ModelForm):
    """Choose a document from the library, or upload a new one that joins the library."""

    upload = forms.FileField(
        label="albo nowy plik",
        required=False,
        help_text=f"{KIND_LIST}. Trafi do biblioteki dokumentów pod podanym tytułem.",
    )
    upload_title = forms.CharField(
        label="tytuł nowego dokumentu", max_length=250, required=False, help_text="Np. „Regulamin naboru 2026”."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].required = False

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            check_library_document(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        upload, title = cleaned.get("upload"), (cleaned.get("upload_title") or "").strip()
        if upload and cleaned.get("document"):
            raise ValidationError("Wybierz dokument z biblioteki albo prześlij nowy plik, nie oba naraz.")
        if upload and not title:
            self.add_error("upload_title", "Podaj tytuł nowego dokumentu: z niego powstanie jego adres.")
        if not upload and not cleaned.get("document") and self.has_changed() and "document" not in self.errors:
            self.add_error("document", "Wybierz dokument z biblioteki albo prześlij nowy plik.")
        return cleaned

    def save(self, commit=True):
        upload = self.cleaned_data.get("upload")
        if upload:
            document = Document(title=self.cleaned_data["upload_title"].strip(), file=upload)
            document.save()
            self.instance.document = document
            self.new_document = document
        return super().save(commit=commit)


class AttachmentFormSet(BaseInlineFormSet):
    """A form sent without the attachments section leaves the attachments as they are.

    Such a form comes from a tab opened before the section existed (a deploy meanwhile) or from
    a script that edits only the post's own fields: refusing it for a missing management form
    would lose what was typed there. With no rows sent, nothing is added, changed or deleted.
    """

    def __init__(self, data=None, files=None, instance=None, save_as_new=False, prefix=None, queryset=None, **kwargs):
        total = f"{prefix or self.get_default_prefix()}-{TOTAL_FORM_COUNT}"
        if data is not None and total not in data:
            data = data.copy()
            data[total] = data[total.replace(TOTAL_FORM_COUNT, INITIAL_FORM_COUNT)] = "0"
        super().__init__(data, files, instance, save_as_new, prefix, queryset, **kwargs)


class AttachmentInline(admin.StackedInline):
    """Ordered attachments of a post or a page; the model names its FK to Document ``document``.

    Stacked, not tabular: a tabular inline heads its columns with <th> and leaves each input without a
    <label>, so a screen reader meets four nameless fields per row."""

    form = AttachmentInlineForm
    formset = AttachmentFormSet
    extra = 1  # an empty row without JavaScript too
    fields = ["position", "document", "upload", "upload_title"]
    autocomplete_fields = ["document"]
    verbose_name_plural = "Załączniki"


def warn_about_new_documents(request, formset):
    """After an attachments formset saved: the PDF accessibility warning of each newly uploaded file."""
    for form in formset.forms:
        document = getattr(form, "new_document", None)
        if document is not None:
            warning = pdf_upload_warning(document.title, document.pdf_problems)
            if warning:
                messages.warning(request, warning)

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django_ckeditor_5.widgets import CKEditor5Widget

from news.models import Category, Comment, Post, Rating
from partnerstwo.admin_mixins import StaffAuthorAdminMixin
from partnerstwo.images import clean_form_image
from partnerstwo.metryczka import MetryczkaAdminMixin


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PostAdminForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = [
            "title", "slug", "category", "lead", "body", "image", "image_alt",
            "status", "published_at", "author",
        ]
        widgets = {
            "body": CKEditor5Widget(config_name="default"),
            "lead": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt"):
            self.add_error("image_alt", "Podaj tekst alternatywny ilustracji.")
        return cleaned

    def clean_image(self):
        return clean_form_image(self.cleaned_data.get("image"))


@admin.register(Post)
class PostAdmin(StaffAuthorAdminMixin, MetryczkaAdminMixin, admin.ModelAdmin):
    form = PostAdminForm
    list_display = ["title", "category", "status", "published_at", "author", "updated_at"]
    list_filter = ["status", "category", "published_at"]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["category", "author"]
    autocomplete_fields = ["category"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "lead", "body"]}),
        ("Ilustracja", {"fields": ["image", "image_alt"]}),
        ("Publikacja", {"fields": ["status", "published_at", "author", "created_at", "updated_at"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_public:
            fields.append("slug")  # the address of a published post stays stable
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and obj.is_public:
            return {}
        return super().get_prepopulated_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "post", "user", "status", "created_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["body", "author_name", "user__email", "post__title"]
    list_select_related = ["post", "user"]
    date_hierarchy = "created_at"
    readonly_fields = ["post", "user", "created_at", "moderated_at"]
    fields = ["post", "user", "author_name", "body", "status", "created_at", "moderated_at"]
    actions = ["approve", "mark_spam", "delete_selected"]
    ordering = ["-created_at"]

    def has_add_permission(self, request):
        return False  # readers write comments on the site

    def _moderate(self, request, queryset, status, text):
        count = queryset.exclude(status=status).update(status=status, moderated_at=timezone.now())
        self.message_user(request, text.format(count=count), messages.SUCCESS)

    @admin.action(description="Zatwierdź zaznaczone komentarze", permissions=["change"])
    def approve(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.APPROVED, "Zatwierdzone komentarze: {count}.")

    @admin.action(description="Ukryj zaznaczone komentarze jako spam", permissions=["change"])
    def mark_spam(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.SPAM, "Ukryte jako spam: {count}.")

    def save_model(self, request, obj, form, change):
        if change and "status" in form.changed_data:
            obj.moderated_at = timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["post", "value", "user", "updated_at"]
    list_filter = ["value"]
    search_fields = ["post__title", "user__email"]
    list_select_related = ["post", "user"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # a vote is the reader's; staff may only delete one

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.db.models.functions import Now
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django_ckeditor_5.widgets import CKEditor5Widget

from changelog.history import VersionHistoryAdminMixin
from changelog.metryczka import MetryczkaAdminMixin, is_public_now, record_change
from changelog.review_admin import ReviewAdminMixin, ReviewFlow
from core.admin_mixins import EditConflictAdminMixin, StaffAuthorAdminMixin
from core.images import clean_form_image
from core.templatetags.pl import pl_datetime, plural, plural_form
from library.admin import AttachmentInline, warn_about_new_documents
from members.partner_access import InstitutionScopedAdminMixin
from news import review
from news.models import COMMENT_MAX_LENGTH, Category, Comment, Post, PostAttachment, Rating
from news.notify import tell_author
from stats.admin import ViewCountAdminMixin


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class PostAdminForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = [
            "title",
            "slug",
            "category",
            "lead",
            "body",
            "image",
            "image_alt",
            "image_focus",
            "status",
            "published_at",
            "unpublish_at",
            "pinned",
            "author",
            "institution",
            "skip_newsletter_notice",
        ]
        widgets = {
            "body": CKEditor5Widget(config_name="default"),
            "lead": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        minutes = settings.NEWSLETTER_NOTICE_DELAY_MINUTES
        focus = self.add_prefix("image_focus")
        if self.is_bound and "image_focus" in self.fields and focus not in self.data:
            # A form sent without the choice (a tab opened before it existed) keeps the saved one.
            self.data = self.data.copy()
            self.data[focus] = self.instance.image_focus
        if "skip_newsletter_notice" in self.fields and minutes:
            self.fields["skip_newsletter_notice"].help_text += (
                f" Powiadomienie wychodzi {plural(minutes, 'minutę,minuty,minut')} po publikacji: do tego czasu "
                "można jeszcze poprawić wpis albo zaznaczyć to pole."
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt"):
            self.add_error("image_alt", "Podaj tekst alternatywny ilustracji.")
        start, end = cleaned.get("published_at"), cleaned.get("unpublish_at")
        if start and end and end <= start:
            self.add_error("unpublish_at", "Koniec publikacji musi być późniejszy niż data publikacji.")
        return cleaned

    def clean_image(self):
        return clean_form_image(self.cleaned_data.get("image"))


def publication_state(post):
    """„Szkic”, „Czeka na akceptację”, „Do poprawy”, „Zaplanowany na 5 grudnia 2026, 10:00”,
    „Opublikowany”, „Opublikowany do …” or „Zakończony …”."""
    if post.status != Post.Status.PUBLISHED:
        return post.get_status_display()
    if post.is_scheduled:
        return f"Zaplanowany na {pl_datetime(timezone.localtime(post.published_at))}"
    if post.unpublish_at is None:
        return "Opublikowany"
    end = pl_datetime(timezone.localtime(post.unpublish_at))
    return f"Publikacja zakończona {end}" if post.is_expired else f"Opublikowany do {end}"


class PublicationStateFilter(admin.SimpleListFilter):
    title = "stan publikacji"
    parameter_name = "stan"

    def lookups(self, request, model_admin):
        return [
            ("szkic", "szkice"),
            ("czeka", "czekające na akceptację"),
            ("do-poprawy", "zwrócone do poprawy"),
            ("zaplanowany", "zaplanowane"),
            ("opublikowany", "opublikowane"),
            ("zakonczony", "zakończone"),
        ]

    def queryset(self, request, queryset):
        published = queryset.filter(status=Post.Status.PUBLISHED)
        match self.value():
            case "szkic":
                return queryset.filter(status=Post.Status.DRAFT)
            case "czeka":
                return queryset.filter(status=Post.Status.SUBMITTED)
            case "do-poprawy":
                return queryset.filter(status=Post.Status.RETURNED)
            case "zaplanowany":
                return published.filter(published_at__gt=Now())
            case "opublikowany":
                return published.filter(published_at__lte=Now()).exclude(unpublish_at__lte=Now())
            case "zakonczony":
                return published.filter(unpublish_at__lte=Now())
        return queryset


class CategoryChoiceForm(forms.Form):
    category = forms.ModelChoiceField(
        label="Nowa kategoria",
        queryset=Category.objects.order_by("name"),
        empty_label="— wybierz kategorię —",
        error_messages={
            "required": "Wybierz kategorię, do której mają trafić wpisy.",
            "invalid_choice": "Tej kategorii już nie ma. Wybierz inną.",
        },
    )


def posts(n):
    """„1 wpis”, „2 wpisy”, „5 wpisów” (the accusative of „wpis” is its nominative)."""
    return plural(n, "wpis,wpisy,wpisów")


class PostAttachmentInline(AttachmentInline):
    model = PostAttachment


@admin.register(Post)
class PostAdmin(
    InstitutionScopedAdminMixin,  # a partner institution's account: its institution's posts only
    ReviewAdminMixin,
    EditConflictAdminMixin,
    VersionHistoryAdminMixin,
    StaffAuthorAdminMixin,
    MetryczkaAdminMixin,
    ViewCountAdminMixin,
    admin.ModelAdmin,
):
    form = PostAdminForm
    review_flow = ReviewFlow(
        can_publish=review.can_publish,
        can_submit=review.can_submit,
        awaits_approval=review.awaits_approval,
        returned_note=lambda post: post.review_note if post is not None and post.status == Post.Status.RETURNED else "",
        send_back=review.send_back,
        what=("wpis", "wpisu", "we wpisie"),
        sent_back_message=lambda post: (
            f"Zwrócono wpis „{post}” do poprawy. Uwagi wysłano e-mailem osobie, która przygotowała wpis."
        ),
    )
    list_display = ["title", "category", "state", "published_at", "signed", "updated_at"]
    list_filter = [
        PublicationStateFilter,
        "pinned",
        "category",
        ("institution", admin.RelatedOnlyFieldListFilter),
        "published_at",
    ]
    search_fields = ["title", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["category", "author", "institution"]
    autocomplete_fields = ["category", "institution"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "lead", "body"]}),
        ("Ilustracja", {"fields": ["image", "image_alt", "image_focus"]}),
        (
            "Publikacja",
            {
                "fields": [
                    "status",
                    "published_at",
                    "unpublish_at",
                    "pinned",
                    "author",
                    "institution",
                    "skip_newsletter_notice",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    inlines = [PostAttachmentInline]
    actions = ["publish_selected", "unpublish_selected", "change_category_of_selected"]
    change_form_template = "admin/news/post/change_form.html"

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is PostAttachment:
            warn_about_new_documents(request, formset)

    @admin.display(description="stan", ordering="status")
    def state(self, obj):
        # Pinning is said here, not in a column of its own: one more column would push the list
        # past a 1366 px screen (tests/browser/test_every_admin_list_fits_at_1366px.py).
        return f"{publication_state(obj)}, przypięty" if obj.pinned else publication_state(obj)

    @admin.display(description="autor i instytucja", ordering="author")
    def signed(self, obj):
        # The partner institution in the author's column, not a column of its own: the list fits
        # a 1366 px screen (tests/browser/test_every_admin_list_fits_at_1366px.py).
        author = str(obj.author) if obj.author else "–"
        if obj.institution is None:
            return author
        return f"{author} ({obj.institution.short_name or obj.institution.name})"

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_public:
            fields.append("slug")  # the address of a published post stays stable
        if not review.can_publish(request.user):
            fields.append("status")  # the review's buttons change it (news/review.py)
        if self.is_limited(request):
            # Its own institution, set on save (members/partner_access.py); the author is whoever
            # wrote the post, never picked from a list of every staff account.
            fields += ["institution", "author"]
        return fields

    # Approval before publishing (news/review.py): without the right to publish, no path of this
    # admin publishes a post, nor changes one that is published.

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status == Post.Status.PUBLISHED and not review.can_publish(request.user):
            return False
        return super().has_change_permission(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        status = form.base_fields.get("status")
        if status is not None:
            # The review's states are set by its buttons; a post in one of them keeps it on a plain save.
            keep = {Post.Status.DRAFT, Post.Status.PUBLISHED, getattr(obj, "status", None)}
            status.choices = [(value, label) for value, label in Post.Status.choices if value in keep]
        return form

    def _review_step(self, request, obj, form, change):
        before = form.initial.get("status", obj.status) if change else None
        if "_approve" in request.POST and before != Post.Status.PUBLISHED:
            return review.APPROVE  # changeform_view refused it to whoever may not publish
        if before == Post.Status.SUBMITTED and obj.status == Post.Status.PUBLISHED:
            return review.APPROVE  # published with the status field: approved all the same
        if "_submit_for_review" in request.POST and before in (None, Post.Status.DRAFT, Post.Status.RETURNED):
            return review.SUBMIT
        return None

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and obj.is_public:
            return {}
        return super().get_prepopulated_fields(request, obj)

    def save_model(self, request, obj, form, change):
        if not change and obj.author_id is None:
            obj.author = request.user
        obj.review_step = self._review_step(request, obj, form, change)
        if obj.review_step:
            review.begin(obj, obj.review_step, request.user)
        super().save_model(request, obj, form, change)
        if obj.is_scheduled:
            self.message_user(
                request,
                f"Wpis ukaże się na stronie {pl_datetime(timezone.localtime(obj.published_at))}.",
                messages.INFO,
            )
        if obj.status == Post.Status.PUBLISHED and obj.unpublish_at and not obj.is_expired:
            self.message_user(
                request,
                f"Wpis zniknie ze strony {pl_datetime(timezone.localtime(obj.unpublish_at))}.",
                messages.INFO,
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        post = form.instance
        step = getattr(post, "review_step", None)
        if step is None:
            return
        review.finish(post, step, request.user)
        if step == review.SUBMIT:
            text = "Wysłano wpis do akceptacji: osoby, które mogą go opublikować, dostały wiadomość e-mail."
        else:
            text = "Zatwierdzono wpis. Osoba, która go przygotowała, dostała wiadomość e-mail."
        self.message_user(request, text, messages.SUCCESS)

    # Bulk actions: each post is saved on its own, as the change form saves it, so its version,
    # its metryczka record, the admin's log, the page cache and the search index follow.

    def _save_from_list(self, request, post, summary, changed_fields):
        was_public = is_public_now(post)
        post.save()
        record_change(post, request.user, created=False, was_public=was_public, summary=summary)
        self.log_change(request, post, [{"changed": {"fields": changed_fields}}])

    def _in_revision(self, request, summary):
        reversion.set_user(request.user)
        reversion.set_comment(summary)

    @admin.action(description="Opublikuj zaznaczone wpisy", permissions=["publish"])
    def publish_selected(self, request, queryset):
        summary = "Publikacja z listy wpisów"
        drafts = list(queryset.exclude(status=Post.Status.PUBLISHED).select_related("submitted_by", "author"))
        now = timezone.now()
        scheduled = 0
        with transaction.atomic(), reversion.create_revision():
            self._in_revision(request, summary)
            for post in drafts:
                waited = post.status == Post.Status.SUBMITTED
                # A draft's date is when it was begun: it appears as new. A date still to come was
                # set on purpose: the post waits for it.
                review.begin(post, review.APPROVE, request.user, now)
                scheduled += post.published_at > now
                self._save_from_list(request, post, summary, ["status", "data publikacji"])
                if waited:
                    review.notify(post, review.APPROVE)  # approved from the list: its author is told too
        published = len(drafts) - scheduled
        if published:
            self.message_user(request, f"Opublikowano {posts(published)}.", messages.SUCCESS)
        if scheduled:
            self.message_user(
                request,
                f"Zaplanowano publikację {plural(scheduled, 'wpisu,wpisów,wpisów')}: "
                + plural_form(scheduled, "ukaże się", "ukażą się", "ukażą się")
                + " w ustawionej dacie publikacji.",
                messages.INFO,
            )
        self._report_unchanged(
            request,
            len(queryset) - len(drafts),
            ("był już opublikowany", "były już opublikowane", "było już opublikowanych"),
        )

    @admin.action(description="Wycofaj z publikacji zaznaczone wpisy", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        summary = "Wycofanie z publikacji z listy wpisów"
        published = list(queryset.filter(status=Post.Status.PUBLISHED))
        with transaction.atomic(), reversion.create_revision():
            self._in_revision(request, summary)
            for post in published:
                post.status = Post.Status.DRAFT
                self._save_from_list(request, post, summary, ["status"])
        if published:
            self.message_user(
                request,
                f"Wycofano z publikacji {posts(len(published))}. "
                + plural_form(
                    len(published),
                    "Jest teraz szkicem i nie widać go na stronie.",
                    "Są teraz szkicami i nie widać ich na stronie.",
                    "Są teraz szkicami i nie widać ich na stronie.",
                ),
                messages.SUCCESS,
            )
        self._report_unchanged(
            request, len(queryset) - len(published), ("był już szkicem", "były już szkicami", "było już szkicami")
        )

    @admin.action(description="Zmień kategorię zaznaczonych wpisów", permissions=["publish"])
    def change_category_of_selected(self, request, queryset):
        form = CategoryChoiceForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            category = form.cleaned_data["category"]
            summary = f"Zmiana kategorii z listy wpisów na „{category}”"
            moving = list(queryset.exclude(category=category))
            with transaction.atomic(), reversion.create_revision():
                self._in_revision(request, summary)
                for post in moving:
                    post.category = category
                    self._save_from_list(request, post, summary, ["kategoria"])
            if moving:
                self.message_user(
                    request, f"Przeniesiono {posts(len(moving))} do kategorii „{category}”.", messages.SUCCESS
                )
            self._report_unchanged(
                request,
                len(queryset) - len(moving),
                (
                    f"był już w kategorii „{category}”",
                    f"były już w kategorii „{category}”",
                    f"było już w kategorii „{category}”",
                ),
            )
            return None  # back to the list
        selected = list(queryset.select_related("category"))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Zmiana kategorii: {posts(len(selected))}",
            "subtitle": None,
            "opts": self.opts,
            "form": form,
            "selected": selected,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        request.current_app = self.admin_site.name
        status = 400 if form.is_bound else 200
        return TemplateResponse(request, "admin/news/post/change_category.html", context, status=status)

    def _report_unchanged(self, request, count, states):
        """„2 zaznaczone wpisy były już opublikowane, więc zostały bez zmian.”"""
        if not count:
            return
        one, few, many = states
        text = plural_form(
            count,
            f"{count} zaznaczony wpis {one}, więc został bez zmian.",
            f"{count} zaznaczone wpisy {few}, więc zostały bez zmian.",
            f"{count} zaznaczonych wpisów {many}, więc zostało bez zmian.",
        )
        self.message_user(request, text, messages.INFO)


class ReplyFilter(admin.SimpleListFilter):
    title = "odpowiedź Partnerstwa"
    parameter_name = "odpowiedz"

    def lookups(self, request, model_admin):
        return [("jest", "z odpowiedzią"), ("brak", "bez odpowiedzi")]

    def queryset(self, request, queryset):
        if self.value() == "jest":
            return queryset.exclude(reply="")
        if self.value() == "brak":
            return queryset.filter(reply="")
        return queryset


class CommentAdminForm(forms.ModelForm):
    # The resident's name and words are theirs: staff hide a comment or answer it, never rewrite it.
    class Meta:
        model = Comment
        fields = ["status", "reply"]
        widgets = {"reply": forms.Textarea(attrs={"rows": 5, "maxlength": COMMENT_MAX_LENGTH})}

    def clean_reply(self):
        return self.cleaned_data["reply"].strip()


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentAdminForm
    list_display = ["__str__", "post", "user", "status", "has_reply", "created_at"]
    list_filter = ["status", ReplyFilter, "created_at"]
    search_fields = ["body", "author_name", "user__email", "post__title"]
    list_select_related = ["post", "user"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "post",
        "user",
        "author_name",
        "body",
        "notify_author",
        "created_at",
        "moderated_at",
        "replied_at",
        "replied_by",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "post",
                    "user",
                    "author_name",
                    "body",
                    "notify_author",
                    "status",
                    "created_at",
                    "moderated_at",
                ]
            },
        ),
        ("Odpowiedź pod komentarzem", {"fields": ["reply", "replied_at", "replied_by"]}),
    ]
    actions = ["approve", "mark_spam", "delete_selected"]
    ordering = ["-created_at"]

    def has_add_permission(self, request):
        return False  # readers write comments on the site

    def get_queryset(self, request):
        return super().get_queryset(request).of_live_posts()  # a trashed post's comments wait in the Kosz with it

    def _moderate(self, request, queryset, status, text):
        changing = list(queryset.exclude(status=status).select_related("post", "user"))
        count = Comment.objects.filter(pk__in=[c.pk for c in changing]).update(
            status=status, moderated_at=timezone.now()
        )
        if status == Comment.Status.APPROVED:
            for comment in changing:
                comment.status = status
                tell_author(comment, approved=True, answered=bool(comment.reply))
        self.message_user(request, text.format(count=count), messages.SUCCESS)

    @admin.action(description="Zatwierdź zaznaczone komentarze", permissions=["change"])
    def approve(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.APPROVED, "Zatwierdzone komentarze: {count}.")

    @admin.action(description="Ukryj zaznaczone komentarze jako spam", permissions=["change"])
    def mark_spam(self, request, queryset):
        self._moderate(request, queryset, Comment.Status.SPAM, "Ukryte jako spam: {count}.")

    @admin.display(description="odpowiedź", boolean=True)
    def has_reply(self, obj):
        return bool(obj.reply)

    def save_model(self, request, obj, form, change):
        if change and "status" in form.changed_data:
            obj.moderated_at = timezone.now()
        obj.reply_changed = "reply" in form.changed_data
        if obj.reply_changed:
            obj.replied_at, obj.replied_by = (timezone.now(), request.user) if obj.reply else (None, None)
        super().save_model(request, obj, form, change)
        approved = "status" in form.changed_data and obj.is_approved
        answered = bool(obj.reply) and (obj.reply_changed or approved)
        tell_author(obj, approved=approved, answered=answered)

    def response_change(self, request, obj):
        if not getattr(obj, "reply_changed", False) or "_continue" in request.POST:
            return super().response_change(request, obj)
        if not obj.reply:
            messages.success(request, "Usunięto odpowiedź Partnerstwa spod komentarza.")
        elif not obj.is_approved:
            messages.success(
                request, "Zapisano odpowiedź. Pojawi się na stronie razem z komentarzem, gdy zostanie zatwierdzony."
            )
            return redirect("admin:news_comment_change", obj.pk)
        else:
            messages.success(request, "Zapisano odpowiedź: jest już widoczna pod komentarzem.")
        return redirect(obj.get_absolute_url())


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

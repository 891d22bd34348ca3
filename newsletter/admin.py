import json
from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django_ckeditor_5.widgets import CKEditor5Widget

from core.admin_mixins import ReadOnlyAdminMixin, SingleRowAdminMixin
from core.sanitize import shown_html
from core.templatetags.pl import pl_datetime, plural_word
from newsletter import dispatch, preview
from newsletter.models import ConsentEvent, ConsentText, Delivery, Issue, NewsletterSettings, Subscriber
from newsletter.subscriptions import export_data


@admin.register(ConsentText)
class ConsentTextAdmin(admin.ModelAdmin):
    list_display = ["version", "created_at"]
    readonly_fields = ["version", "text", "created_at"]

    def has_add_permission(self, request):
        return False  # versions come from newsletter/consent.py

    def has_delete_permission(self, request, obj=None):
        return False


class ConsentEventInline(admin.TabularInline):
    model = ConsentEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "action", "consent", "source"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    # The other dates are on the subscriber's page (and in the date filter): the list fits 1366 px.
    list_display = ["email", "status", "wants_posts", "wants_issues", "confirmed_at"]
    list_filter = ["status", "wants_posts", "wants_issues", "consent"]
    search_fields = ["email"]
    date_hierarchy = "requested_at"
    list_select_related = ["consent"]
    fields = [
        "email",
        "status",
        "wants_posts",
        "wants_issues",
        "consent",
        "source",
        "requested_at",
        "confirmation_sent_at",
        "confirmed_at",
        "unsubscribed_at",
        "created_at",
    ]
    readonly_fields = fields  # consent is given by the person, never by staff
    inlines = [ConsentEventInline]
    change_form_template = "admin/newsletter/subscriber/change_form.html"

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/eksport/", view(self.export_view), name="newsletter_subscriber_export"),
            path("<int:pk>/usun-dane/", view(self.erase_view), name="newsletter_subscriber_erase"),
        ] + super().get_urls()

    def export_view(self, request, pk):
        subscriber = get_object_or_404(Subscriber.objects.select_related("consent"), pk=pk)
        if not self.has_view_permission(request, subscriber):
            raise PermissionDenied
        body = json.dumps(export_data(subscriber), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="subskrybent-{subscriber.pk}.json"'
        return response

    def erase_view(self, request, pk):
        """Erase one person's data (art. 17 RODO): the row and its consent history.

        Delivery rows stay, without the person, so a mailing's counts stay true.
        """
        subscriber = get_object_or_404(Subscriber, pk=pk)
        if not self.has_delete_permission(request, subscriber):
            raise PermissionDenied
        if request.method == "POST":
            email = subscriber.email
            subscriber.delete()
            self.message_user(request, f"Usunięto dane subskrybenta {email}.", messages.SUCCESS)
            return redirect("admin:newsletter_subscriber_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "subscriber": subscriber,
            "title": "Usunąć dane subskrybenta?",
        }
        return TemplateResponse(request, "admin/newsletter/subscriber/erase.html", context)


class IssueAdminForm(forms.ModelForm):
    class Meta:
        model = Issue
        fields = ["subject", "body"]
        widgets = {"body": CKEditor5Widget(config_name="default")}


# How far ahead a mailing may be scheduled.
MAX_SCHEDULE_AHEAD = timedelta(days=366)


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label="Data i godzina wysyłki",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Czas polski. Wysyłka ruszy najpóźniej minutę po tej porze.",
        error_messages={
            "required": "Podaj datę i godzinę wysyłki.",
            "invalid": "Podaj datę i godzinę, np. 2026-12-07 09:00.",
        },
    )

    def clean_when(self):
        when = self.cleaned_data["when"]
        now = timezone.now()
        if when <= now:
            raise forms.ValidationError("Ten termin już minął: podaj datę i godzinę w przyszłości.")
        if when > now + MAX_SCHEDULE_AHEAD:
            raise forms.ValidationError("Wysyłkę można zaplanować najwyżej rok naprzód.")
        return when


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    form = IssueAdminForm
    list_display = ["subject", "kind", "state", "created_at", "progress"]
    list_filter = ["kind", "status"]
    search_fields = ["subject"]
    change_form_template = "admin/newsletter/issue/change_form.html"
    actions = ["duplicate_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_progress()

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["subject", "body"]
        return [
            "subject",
            "shown_body" if self._went_out(obj) else "body",
            "kind",
            "state",
            "post",
            "recipients",
            "progress",
            "log",
            "created_by",
            "created_at",
            "queued_at",
            "finished_at",
        ]

    @staticmethod
    def _went_out(obj):
        """What went out (or is set to go) stays as it is: shown, not edited."""
        if obj is None:
            return False
        # A notice made for a post goes out by itself; a copy of one (no post) is a draft like any other.
        return obj.status != Issue.Status.DRAFT or (obj.kind == Issue.Kind.POST_NOTICE and obj.post_id is not None)

    def get_readonly_fields(self, request, obj=None):
        readonly = [
            "shown_body",
            "kind",
            "state",
            "post",
            "recipients",
            "progress",
            "log",
            "created_by",
            "created_at",
            "queued_at",
            "finished_at",
        ]
        if self._went_out(obj):
            readonly += ["subject", "body"]
        return readonly

    @admin.display(description="treść")
    def shown_body(self, obj):
        """The body as subscribers read it, not its HTML source (cleaned as on every page)."""
        return format_html('<div class="newsletter-body">{}</div>', mark_safe(shown_html(obj.body)))

    @admin.display(description="status", ordering="status")
    def state(self, obj):
        if obj.status == Issue.Status.SCHEDULED:
            return f"Zaplanowana na {pl_datetime(timezone.localtime(obj.scheduled_for))}"
        return obj.get_status_display()

    @admin.display(description="odbiorcy")
    def recipients(self, obj):
        if obj.planned_at:
            count = obj.sent_count + obj.failed_count + obj.skipped_count + obj.pending_count
            return f"{count} (lista ustalona w chwili wysyłki)"
        count = obj.recipients().count()
        return f"{count} {plural_word(count, RECIPIENTS)} tę wysyłkę"

    @admin.display(description="postęp")
    def progress(self, obj):
        if not obj.planned_at:
            return "–"
        total = obj.sent_count + obj.failed_count + obj.skipped_count + obj.pending_count
        return (
            f"wysłano: {obj.sent_count} z {total}, błędy: {obj.failed_count}, "
            f"pozostało: {obj.pending_count}, pominięto: {obj.skipped_count}"
        )

    @admin.display(description="dziennik")
    def log(self, obj):
        if not obj.planned_at:
            return "–"
        url = reverse("admin:newsletter_delivery_changelist") + f"?issue__id__exact={obj.pk}"
        return format_html('<a href="{}">Dziennik doręczeń (każdy odbiorca)</a>', url)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.status == Issue.Status.DRAFT)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/test/", view(self.send_test_view), name="newsletter_issue_test"),
            path("<int:pk>/wyslij/", view(self.send_view), name="newsletter_issue_send"),
            path("<int:pk>/zaplanuj/", view(self.schedule_view), name="newsletter_issue_schedule"),
            path("<int:pk>/odwolaj/", view(self.unschedule_view), name="newsletter_issue_unschedule"),
            path("<int:pk>/wstrzymaj/", view(self.pause_view), name="newsletter_issue_pause"),
            path("<int:pk>/wznow/", view(self.resume_view), name="newsletter_issue_resume"),
            path("<int:pk>/podglad/", view(self.preview_view), name="newsletter_issue_preview"),
            path(
                "<int:pk>/podglad/wiadomosc/",
                view(self.preview_document_view),
                name="newsletter_issue_preview_document",
            ),
            path("<int:pk>/podglad/tekst/", view(self.preview_text_view), name="newsletter_issue_preview_text"),
            path("<int:pk>/kopia/", view(self.duplicate_view), name="newsletter_issue_duplicate"),
        ] + super().get_urls()

    def _issue(self, request, pk):
        issue = get_object_or_404(Issue.objects.with_progress(), pk=pk)
        if not self.has_change_permission(request, issue):
            raise PermissionDenied
        return issue

    def _preview_context(self, request, issue, message, title):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "issue": issue,
            "message": message,
            "reply_to": ", ".join(message.reply_to),
            "title": title,
        }

    def preview_view(self, request, pk):
        """The saved mailing as subscribers will get it: subject, sender, and the HTML part framed."""
        issue = self._issue(request, pk)
        message = preview.preview_message(issue)
        context = self._preview_context(request, issue, message, f"Podgląd wysyłki „{issue.subject}”")
        return _noindex(TemplateResponse(request, "admin/newsletter/issue/preview.html", context))

    def preview_document_view(self, request, pk):
        """The HTML part alone, shown in the preview's frame (a document of its own, see newsletter/preview.py)."""
        issue = self._issue(request, pk)
        document = preview.framed_document(preview.preview_message(issue))
        response = HttpResponse(document, content_type="text/html; charset=utf-8")
        response["Content-Security-Policy"] = preview.content_security_policy(document)
        response["X-Frame-Options"] = "SAMEORIGIN"
        return _noindex(response)

    def preview_text_view(self, request, pk):
        """The plain-text part, for mail programs that show no HTML."""
        issue = self._issue(request, pk)
        message = preview.preview_message(issue)
        context = self._preview_context(request, issue, message, f"Wersja tekstowa wysyłki „{issue.subject}”")
        return _noindex(TemplateResponse(request, "admin/newsletter/issue/preview_text.html", context))

    def duplicate_view(self, request, pk):
        """„Utwórz kopię”: a new draft from this mailing (POST), then its form."""
        issue = get_object_or_404(Issue, pk=pk)
        if not (self.has_add_permission(request) and self.has_view_or_change_permission(request, issue)):
            raise PermissionDenied
        if request.method != "POST":
            return redirect("admin:newsletter_issue_change", pk)
        copy = self._duplicate(request, issue)
        self.message_user(
            request,
            f"Utworzono kopię wysyłki „{issue.subject}”. To szkic: można go zmienić, wysłać albo zaplanować.",
            messages.SUCCESS,
        )
        return redirect("admin:newsletter_issue_change", copy.pk)

    def _duplicate(self, request, issue):
        with transaction.atomic():
            copy = issue.duplicate(request.user)
            self.log_addition(request, copy, f"Utworzono jako kopię wysyłki „{issue.subject}” (nr {issue.pk}).")
        return copy

    @admin.action(description="Utwórz kopie zaznaczonych wysyłek", permissions=["add"])
    def duplicate_selected(self, request, queryset):
        copies = [self._duplicate(request, issue) for issue in queryset.order_by("pk")]
        if len(copies) == 1:
            self.message_user(
                request,
                "Utworzono kopię wysyłki. To szkic: można go zmienić, wysłać albo zaplanować.",
                messages.SUCCESS,
            )
            return redirect("admin:newsletter_issue_change", copies[0].pk)
        n = len(copies)
        self.message_user(
            request,
            f"Utworzono {n} {plural_word(n, 'kopię,kopie,kopii')} wysyłek jako szkice.",
            messages.SUCCESS,
        )
        return None

    def send_test_view(self, request, pk):
        issue = self._issue(request, pk)
        if request.method != "POST":
            return redirect("admin:newsletter_issue_change", pk)
        if not request.user.email:
            self.message_user(
                request, "Twoje konto nie ma adresu e-mail: uzupełnij go, żeby wysłać test.", messages.ERROR
            )
            return redirect("admin:newsletter_issue_change", pk)
        from newsletter.tasks import send_test_task

        # Sent by the task worker: a slow mail server never holds the admin's request.
        email = request.user.email
        transaction.on_commit(lambda: send_test_task.enqueue(issue.pk, email))
        self.message_user(request, f"Wiadomość testowa wyjdzie za chwilę na adres {email}.", messages.SUCCESS)
        return redirect("admin:newsletter_issue_change", pk)

    def send_view(self, request, pk):
        issue = self._issue(request, pk)
        if issue.status != Issue.Status.DRAFT:
            self.message_user(request, "Ta wysyłka została już zlecona.", messages.WARNING)
            return redirect("admin:newsletter_issue_change", pk)
        count = issue.recipients().count()
        if request.method == "POST":
            if dispatch.queue(issue):
                self.message_user(
                    request,
                    f"Zlecono wysyłkę do {count} {count_word(count)}. Postęp widać na tej stronie.",
                    messages.SUCCESS,
                )
            return redirect("admin:newsletter_issue_change", pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "issue": issue,
            "count": count,
            "count_word": count_word(count),
            "title": "Wysłać newsletter?",
        }
        return TemplateResponse(request, "admin/newsletter/issue/send.html", context)

    def schedule_view(self, request, pk):
        issue = self._issue(request, pk)
        if issue.status != Issue.Status.DRAFT:
            self.message_user(request, "Tę wysyłkę już zlecono albo zaplanowano.", messages.WARNING)
            return redirect("admin:newsletter_issue_change", pk)
        form = ScheduleForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            when = form.cleaned_data["when"]
            if dispatch.schedule(issue, when):
                self.message_user(
                    request,
                    f"Zaplanowano wysyłkę „{issue.subject}” na {pl_datetime(timezone.localtime(when))}. "
                    "Do tego czasu można ją odwołać.",
                    messages.SUCCESS,
                )
            return redirect("admin:newsletter_issue_change", pk)
        count = issue.recipients().count()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "issue": issue,
            "form": form,
            "count": count,
            "count_word": count_word(count),
            "title": "Zaplanować wysyłkę?",
        }
        status = 400 if form.is_bound else 200
        return TemplateResponse(request, "admin/newsletter/issue/schedule.html", context, status=status)

    def _status_step(self, request, pk, step, done, not_now, ask_first=False):
        """A POST button on the mailing's page (odwołaj, wstrzymaj, wznów): one step, then back.

        A GET changes nothing; for a step that asks first it says why there is nothing to confirm.
        """
        issue = self._issue(request, pk)
        if request.method != "POST":
            if ask_first:
                self.message_user(request, not_now.format(status=issue.get_status_display().lower()), messages.WARNING)
            return redirect("admin:newsletter_issue_change", pk)
        if step(issue):
            self.message_user(request, done.format(subject=issue.subject), messages.SUCCESS)
        else:
            self.message_user(request, not_now.format(status=issue.get_status_display().lower()), messages.WARNING)
        return redirect("admin:newsletter_issue_change", pk)

    def unschedule_view(self, request, pk):
        """Asks first (GET), then calls the scheduled send off (POST)."""
        issue = self._issue(request, pk)
        if request.method == "POST" or issue.status != Issue.Status.SCHEDULED:
            return self._status_step(
                request,
                pk,
                dispatch.unschedule,
                "Odwołano zaplanowaną wysyłkę „{subject}”: wróciła do szkiców i można ją zmienić.",
                "Tej wysyłki nie można już odwołać (status: {status}).",
                ask_first=True,
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "issue": issue,
            "when": pl_datetime(timezone.localtime(issue.scheduled_for)),
            "title": "Odwołać zaplanowaną wysyłkę?",
        }
        return TemplateResponse(request, "admin/newsletter/issue/unschedule.html", context)

    def pause_view(self, request, pk):
        return self._status_step(
            request,
            pk,
            dispatch.pause,
            "Wstrzymano wysyłkę „{subject}”. Wysłane wiadomości zostają wysłane; reszta czeka na wznowienie.",
            "Tej wysyłki nie można wstrzymać (status: {status}).",
        )

    def resume_view(self, request, pk):
        return self._status_step(
            request,
            pk,
            dispatch.resume,
            "Wznowiono wysyłkę „{subject}”: pozostałe wiadomości wychodzą, każda tylko raz.",
            "Tej wysyłki nie można wznowić (status: {status}).",
        )


def _noindex(response):
    # Staff pages never reach a search engine; the admin's own headers already say private, no-store.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def count_word(count):
    return plural_word(count, "subskrybenta,subskrybentów,subskrybentów")


RECIPIENTS = ",".join(["potwierdzony subskrybent otrzyma"] + ["potwierdzonych subskrybentów otrzyma"] * 2)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["recipient", "issue", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "issue"]
    search_fields = ["subscriber__email"]
    list_select_related = ["subscriber", "issue"]
    list_per_page = 100
    readonly_fields = ["issue", "subscriber", "status", "attempts", "sent_at", "last_error", "updated_at"]

    @admin.display(description="odbiorca", ordering="subscriber__email")
    def recipient(self, obj):
        return obj.subscriber.email if obj.subscriber else "(dane usunięte)"


@admin.register(NewsletterSettings)
class NewsletterSettingsAdmin(SingleRowAdminMixin, admin.ModelAdmin):
    pass

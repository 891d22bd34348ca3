import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django_ckeditor_5.widgets import CKEditor5Widget

from changelog.history import VersionHistoryAdminMixin
from changelog.metryczka import (
    MetryczkaAdminMixin,
    describe_form_changes,
    forget_changes,
    is_public_now,
    record_change,
)
from changelog.review_admin import ReviewAdminMixin, ReviewFlow
from core.admin_mixins import EditConflictAdminMixin, StaffAuthorAdminMixin, staff_users
from core.documents import clean_form_document, pdf_upload_warning, pdf_verdict
from core.images import clean_form_image, clean_image
from core.templatetags.pl import pl_date, pl_time, plural, plural_form
from meetings import review
from meetings.models import AgendaItem, Document, Meeting, Photo, Report, Venue
from members.models import Institution
from members.partner_access import InstitutionScopedAdminMixin, limit_of
from stats.admin import ViewCountAdminMixin

MAX_PHOTOS_AT_ONCE = 50
MAX_POSITION = 32767  # PositiveSmallIntegerField


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "address", "gmina"]
    list_filter = ["gmina"]
    search_fields = ["name", "address"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 1
    fields = ["position", "time", "title", "notes"]


class PhotoInlineForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ["image", "alt", "caption", "position"]

    def clean_image(self):
        return clean_form_image(self.cleaned_data.get("image"))


class PhotoInline(admin.TabularInline):
    model = Photo
    form = PhotoInlineForm
    extra = 0
    fields = ["preview", "image", "alt", "caption", "position"]
    readonly_fields = ["preview"]

    @admin.display(description="podgląd")
    def preview(self, photo):
        if not photo.pk:
            return "–"
        if not photo.is_ready:
            return "w przygotowaniu"
        return format_html(
            '<img src="{}" alt="" width="{}" height="{}" class="meeting-admin-thumb">',
            photo.thumbnail.url,
            photo.thumbnail_width // 3,
            photo.thumbnail_height // 3,
        )


class DocumentInlineForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title", "file", "position"]

    def clean_file(self):
        return clean_form_document(self.cleaned_data.get("file"))


class DocumentInline(admin.TabularInline):
    model = Document
    form = DocumentInlineForm
    extra = 1
    fields = ["title", "file", "label", "accessibility", "position"]
    readonly_fields = ["label", "accessibility"]

    @admin.display(description="rodzaj i rozmiar")
    def label(self, document):
        return document.label if document.pk else "–"

    @admin.display(description="dostępność")
    def accessibility(self, document):
        if not document.pk or document.kind != Document.Kind.PDF:
            return "–"
        return pdf_verdict(document.pdf_problems)


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["meeting", "body", "status", "published_at", "author"]
        widgets = {"body": CKEditor5Widget(config_name="default")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is not None:
            # The review's states are set by its buttons; a report in one of them keeps it on a plain save.
            keep = {Report.Status.DRAFT, Report.Status.PUBLISHED, self.instance.status}
            status.choices = [(value, label) for value, label in Report.Status.choices if value in keep]


class ReportInline(admin.StackedInline):
    model = Report
    form = ReportForm
    extra = 0
    max_num = 1
    fields = ["body", "status", "published_at", "author"]
    verbose_name_plural = "relacja ze spotkania"

    def get_readonly_fields(self, request, obj=None):
        # Without the right to publish meetings a report is not published from here either.
        return ["status"] if not review.can_publish(request.user) else []

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        report = getattr(obj, "report", None) if obj is not None and obj.pk else None
        formset.form.base_fields["author"].queryset = staff_users(getattr(report, "author_id", None))
        return formset


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several files from one <input type="file" multiple>; a list, possibly empty."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleImageInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [f for f in (super(MultipleImageField, self).clean(d, initial) for d in files) if f]

    def has_changed(self, initial, data):
        # No file chosen comes as an empty list: not a change (the history would list it).
        return not self.disabled and bool(data)


class MeetingAdminForm(forms.ModelForm):
    new_photos = MultipleImageField(
        label="Dodaj zdjęcia",
        required=False,
        help_text="Można wybrać kilka plików naraz (JPEG, PNG, GIF lub WebP). Dane EXIF, np. lokalizacja, "
        "są usuwane, a pliki dostają nowe nazwy. Miniatury i duży rozmiar powstają automatycznie "
        "po zapisaniu, a zdjęcia pojawiają się na stronie, gdy są gotowe.",
    )
    new_photos_alt = forms.CharField(
        label="Tekst alternatywny dodawanych zdjęć",
        required=False,
        max_length=250,
        help_text="Wymagany, gdy dodajesz zdjęcia: opis tego, co na nich widać. Trafi do każdego z nich – "
        "po zapisaniu popraw opis poszczególnych zdjęć w tabeli „Zdjęcia”.",
    )

    class Meta:
        model = Meeting
        fields = [
            "title",
            "slug",
            "series",
            "date",
            "start_time",
            "end_time",
            "venue",
            "description",
            "status",
            "new_date",
            "status_reason",
            "institution",
            "participants",
            "related_posts",
        ]
        widgets = {"description": CKEditor5Widget(config_name="default")}

    def clean_new_photos(self):
        uploads = self.cleaned_data.get("new_photos") or []
        if len(uploads) > MAX_PHOTOS_AT_ONCE:
            raise ValidationError(f"Naraz można dodać najwyżej {MAX_PHOTOS_AT_ONCE} zdjęć.")
        cleaned, errors = [], []
        for upload in uploads:
            try:
                cleaned.append(clean_image(upload))
            except ValidationError as error:
                errors.extend(f"„{upload.name}”: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_photos") and not cleaned.get("new_photos_alt", "").strip():
            self.add_error("new_photos_alt", "Podaj tekst alternatywny dodawanych zdjęć.")
        if cleaned.get("end_time") and not cleaned.get("start_time"):
            self.add_error("start_time", "Podaj godzinę rozpoczęcia albo usuń godzinę zakończenia.")
        if cleaned.get("new_date") and cleaned.get("status") != Meeting.Status.POSTPONED:
            self.add_error("new_date", "Nowy termin podaj tylko dla spotkania przełożonego.")
        return cleaned


class YearFilter(admin.SimpleListFilter):
    title = "rok"
    parameter_name = "rok"

    def lookups(self, request, model_admin):
        # The years of the rows the list may show (a partner institution's account: its own).
        years = model_admin.get_queryset(request).dates("date", "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(date__year=int(self.value()))
        return queryset


class ReportFilter(admin.SimpleListFilter):
    title = "relacja"
    parameter_name = "relacja"

    def lookups(self, request, model_admin):
        return [("brak", "minione bez opublikowanej relacji")]

    def queryset(self, request, queryset):
        if self.value() == "brak":
            return queryset.awaiting_report()
        return queryset


@admin.register(Meeting)
class MeetingAdmin(
    InstitutionScopedAdminMixin,  # a partner institution's account: its institution's meetings only
    ReviewAdminMixin,
    EditConflictAdminMixin,
    VersionHistoryAdminMixin,
    ViewCountAdminMixin,
    admin.ModelAdmin,
):
    form = MeetingAdminForm
    review_flow = ReviewFlow(
        can_publish=review.can_publish,
        can_submit=review.can_submit,
        awaits_approval=review.awaits_approval,
        returned_note=lambda meeting: (
            meeting.review_note if meeting is not None and meeting.review_state == Meeting.ReviewState.RETURNED else ""
        ),
        send_back=review.send_back,
        what=review.WHAT,
        sent_back_message=lambda meeting: (
            f"Zwrócono spotkanie „{meeting}” do poprawy. Uwagi wysłano e-mailem osobie, która je przygotowała."
        ),
    )
    # Fits a 1366 px screen beside the side menu and the filters (date and hour share one column,
    # the approval shares the status's).
    list_display = [
        "title",
        "when",
        "state",
        "venue",
        "photos_shown",
        "report_state",
        "documents_not_accessible",
    ]
    list_filter = [
        "status",
        "review_state",
        ReportFilter,
        YearFilter,
        "venue",
        ("institution", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "series", "description"]
    date_hierarchy = "date"
    list_select_related = ["venue", "report"]
    filter_horizontal = ["participants", "related_posts"]
    autocomplete_fields = ["institution"]
    inlines = [AgendaItemInline, ReportInline, PhotoInline, DocumentInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "series", "description"]}),
        ("Termin i miejsce", {"fields": ["date", "start_time", "end_time", "venue"]}),
        ("Status", {"fields": ["status", "new_date", "status_reason", "review_state"]}),
        ("Uczestnicy i powiązania", {"fields": ["institution", "participants", "related_posts"]}),
        ("Nowe zdjęcia", {"fields": ["new_photos", "new_photos_alt"]}),
    ]
    change_form_template = "admin/meetings/meeting/change_form.html"
    actions = ["approve_selected"]

    @admin.display(description="status", ordering="status")
    def state(self, meeting):
        if meeting.review_state == Meeting.ReviewState.APPROVED:
            return meeting.get_status_display()
        return f"{meeting.get_status_display()}, {meeting.get_review_state_display().lower()}"

    def get_readonly_fields(self, request, obj=None):
        # The approval is changed by the form's buttons only (meetings/review.py): no form field,
        # no restored version and no list edit sets it.
        fields = [*super().get_readonly_fields(request, obj), "review_state"]
        if self.is_limited(request):
            fields.append("institution")  # its own, set on save (members/partner_access.py)
        return fields

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "participants" and self.is_limited(request):
            # Published institutions and its own: no unpublished partner's name (e.g. a new accession).
            own = Institution.objects.filter(pk=limit_of(request.user))
            kwargs["queryset"] = (Institution.objects.published() | own).order_by("name")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        left_out = set()
        if obj is None:
            left_out.add("review_state")  # said by the buttons; a new meeting has none yet
        if self.is_limited(request):
            left_out.add("related_posts")  # no list of every institution's posts, drafts among them
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in left_out]})
            for name, options in super().get_fieldsets(request, obj)
        ]

    # Approval before publishing (meetings/review.py): without the right to publish, no path of
    # this admin publishes a meeting, nor changes one that is public.

    @admin.action(description="Zatwierdź i opublikuj zaznaczone spotkania", permissions=["publish"])
    def approve_selected(self, request, queryset):
        """Each meeting saved on its own, as the change form saves it: its version, the search
        index and the page cache follow, and whoever sent it for approval is told."""
        waiting = list(queryset.exclude(review_state=Meeting.ReviewState.APPROVED).select_related("submitted_by"))
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment("Zatwierdzenie i publikacja z listy spotkań")
            for meeting in waiting:
                review.begin(meeting, review.APPROVE, request.user)
                meeting.save()
                review.register_report(meeting, request.user)
                self.log_change(request, meeting, "Zatwierdzenie i publikacja")
                review.notify(meeting, review.APPROVE)
        if waiting:
            self.message_user(
                request,
                f"Zatwierdzono i opublikowano {plural(len(waiting), 'spotkanie,spotkania,spotkań')}.",
                messages.SUCCESS,
            )
        unchanged = len(queryset) - len(waiting)
        if unchanged:
            self.message_user(
                request,
                f"{plural(unchanged, 'spotkanie,spotkania,spotkań')} "
                + plural_form(unchanged, "było już zatwierdzone", "były już zatwierdzone", "było już zatwierdzonych")
                + ".",
                messages.INFO,
            )

    def has_change_permission(self, request, obj=None):
        if (
            obj is not None
            and obj.review_state == Meeting.ReviewState.APPROVED
            and not review.can_publish(request.user)
        ):
            return False
        return super().has_change_permission(request, obj)

    def review_context(self, request, obj, add):
        return super().review_context(request, obj, add) | {
            "draft": obj is not None and obj.review_state in (Meeting.ReviewState.DRAFT, Meeting.ReviewState.RETURNED),
        }

    def _review_step(self, request, obj, change):
        before = obj.review_state if change else None  # not a field of the form: as saved
        if "_approve" in request.POST and before != Meeting.ReviewState.APPROVED:
            return review.APPROVE  # changeform_view refused it to whoever may not publish
        if "_submit_for_review" in request.POST and before in (None, *review.SUBMITTABLE):
            return review.SUBMIT
        return None

    def save_model(self, request, obj, form, change):
        if not change and not review.can_publish(request.user):
            obj.review_state = Meeting.ReviewState.DRAFT  # public only once approved
        obj.review_step = self._review_step(request, obj, change)
        if obj.review_step:
            review.begin(obj, obj.review_step, request.user)
        super().save_model(request, obj, form, change)

    def get_queryset(self, request):
        # A subquery, not a second Count: a join on documents would multiply the photo count.
        failing = (
            Document.objects.filter(meeting=OuterRef("pk"), pdf_problems__len__gt=0)
            .order_by()
            .values("meeting")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(photo_total=Count("photos"), documents_failing=Coalesce(Subquery(failing), 0))
        )

    @admin.display(description="termin", ordering="date")
    def when(self, meeting):
        if meeting.start_time:
            return f"{pl_date(meeting.date)}, {pl_time(meeting.start_time)}"
        return pl_date(meeting.date)

    @admin.display(description="niedostępne PDF", ordering="documents_failing")
    def documents_not_accessible(self, meeting):
        return meeting.documents_failing or "–"

    @admin.display(description="zdjęcia", ordering="photo_total")
    def photos_shown(self, meeting):
        return meeting.photo_total

    @admin.display(description="relacja")
    def report_state(self, meeting):
        try:
            report = meeting.report
        except Report.DoesNotExist:
            return "brak"
        return "opublikowana" if report.is_public else report.get_status_display().lower()

    def save_formset(self, request, form, formset, change):
        if formset.model is Report:
            saved = formset.save(commit=False)
            for report_form in formset.forms:
                report = report_form.instance
                if not any(report is obj for obj in saved):
                    continue
                created = report.pk is None
                was_public = is_public_now(report)
                if report.author_id is None:
                    report.author = request.user
                report.save()
                # The report's metryczka: every save here counts, as in its own admin page.
                record_change(
                    report,
                    request.user,
                    created=created,
                    was_public=was_public,
                    summary=describe_form_changes(report_form, created),
                )
            for report in formset.deleted_objects:
                forget_changes(Report, [report.pk])
                report.delete()
            return
        super().save_formset(request, form, formset, change)
        if formset.model is Document:
            uploaded = [*formset.new_objects, *(obj for obj, fields in formset.changed_objects if "file" in fields)]
            for document in uploaded:
                warning = pdf_upload_warning(document.title, document.pdf_problems)
                if warning:
                    messages.warning(request, warning)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._add_photos(request, form)
        meeting = form.instance
        step = getattr(meeting, "review_step", None)
        if step is not None:
            review.finish(meeting, step)
            if step == review.APPROVE:
                review.register_report(meeting, request.user)
            if step == review.SUBMIT:
                text = "Wysłano spotkanie do akceptacji: osoby, które mogą je opublikować, dostały wiadomość e-mail."
            else:
                text = "Zatwierdzono spotkanie: jest już na stronie."
                if meeting.submitted_by_id:
                    text += " Osoba, która je przygotowała, dostała wiadomość e-mail."
            self.message_user(request, text, messages.SUCCESS)
        elif not change and meeting.review_state == Meeting.ReviewState.DRAFT:
            self.message_user(
                request,
                "Spotkanie zapisano jako szkic: pojawi się na stronie po zatwierdzeniu. "
                "Gdy będzie gotowe, wyślij je do akceptacji.",
                messages.INFO,
            )

    def _add_photos(self, request, form):
        uploads = form.cleaned_data.get("new_photos") or []
        if not uploads:
            return
        meeting = form.instance
        alt = form.cleaned_data["new_photos_alt"].strip()
        start = (meeting.photos.aggregate(last=Max("position"))["last"] or 0) + 1
        for offset, upload in enumerate(uploads):
            # A position is a smallint: photos added after one at the very end share the last position.
            position = min(start + offset, MAX_POSITION)
            Photo.objects.create(meeting=meeting, image=upload, alt=alt, position=position)
        messages.success(
            request,
            f"Dodano {plural(len(uploads), 'zdjęcie,zdjęcia,zdjęć')}. Trwa przygotowywanie miniatur – "
            "na stronie spotkania pojawią się za chwilę. "
            "Sprawdź i popraw ich teksty alternatywne w tabeli „Zdjęcia”.",
        )


@admin.register(Report)
class ReportAdmin(
    ReviewAdminMixin,
    EditConflictAdminMixin,
    VersionHistoryAdminMixin,
    StaffAuthorAdminMixin,
    MetryczkaAdminMixin,
    admin.ModelAdmin,
):
    """Reports on their own: written and published days later, without opening the meeting."""

    review_flow = ReviewFlow(
        can_publish=review.can_publish,
        can_submit=review.report_can_submit,
        awaits_approval=review.report_awaits_approval,
        returned_note=lambda report: (
            report.review_note if report is not None and report.status == Report.Status.RETURNED else ""
        ),
        send_back=review.send_back_report,
        what=review.REPORT_WHAT,
        sent_back_message=lambda report: (
            f"Zwrócono do poprawy relację ze spotkania „{report.meeting}”. Uwagi wysłano e-mailem osobie, "
            "która ją przygotowała."
        ),
    )

    form = ReportForm
    list_display = ["meeting", "status", "published_at", "author"]
    list_filter = ["status"]
    search_fields = ["meeting__title", "body"]
    list_select_related = ["meeting", "author"]
    autocomplete_fields = ["meeting"]

    # Approval before publishing (meetings/review.py): without the right to publish meetings a
    # report is sent for approval; no path of this admin publishes it, and a published one is only
    # viewed.

    change_form_template = "admin/meetings/report/change_form.html"

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if review.can_publish(request.user) else [*fields, "status"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.status == Report.Status.PUBLISHED and not review.can_publish(request.user):
            return False
        return super().has_change_permission(request, obj)

    def _review_step(self, request, obj, form, change):
        before = form.initial.get("status", obj.status) if change else None
        if "_approve" in request.POST and before != Report.Status.PUBLISHED:
            return review.APPROVE  # changeform_view refused it to whoever may not publish
        if before == Report.Status.SUBMITTED and obj.status == Report.Status.PUBLISHED:
            return review.APPROVE  # published with the status field: approved all the same
        if "_submit_for_review" in request.POST and before in (None, Report.Status.DRAFT, Report.Status.RETURNED):
            return review.SUBMIT
        return None

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        report = form.instance
        step = getattr(report, "review_step", None)
        if step is None:
            return
        review.finish_report(report, step)
        if step == review.SUBMIT:
            text = "Wysłano relację do akceptacji: osoby, które mogą ją opublikować, dostały wiadomość e-mail."
        else:
            text = "Zatwierdzono relację. Osoba, która ją przygotowała, dostała wiadomość e-mail."
        self.message_user(request, text, messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        obj.review_step = self._review_step(request, obj, form, change)
        if obj.review_step:
            review.begin_report(obj, obj.review_step, request.user)
        super().save_model(request, obj, form, change)

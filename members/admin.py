from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django_ckeditor_5.widgets import CKEditor5Widget

from changelog.review import SendBackForm
from core.admin_mixins import EditConflictAdminMixin
from core.images import clean_form_image
from core.templatetags.pl import pl_date, plural
from members import decisions, proposals
from members.models import AccessionRequest, Institution, Office, Person
from members.partner_access import InstitutionScopedAdminMixin


class InstitutionAdminForm(forms.ModelForm):
    class Meta:
        model = Institution
        fields = [
            "name",
            "short_name",
            "slug",
            "kind",
            "gmina",
            "address",
            "phone",
            "email",
            "website",
            "bip_url",
            "logo",
            "logo_alt",
            "description",
        ]
        widgets = {"description": CKEditor5Widget(config_name="default"), "address": forms.Textarea(attrs={"rows": 3})}

    def clean_logo(self):
        return clean_form_image(self.cleaned_data.get("logo"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("logo") and not cleaned.get("logo_alt"):
            self.add_error("logo_alt", "Podaj tekst alternatywny logo.")
        return cleaned


ONE_HOLDER = "office_one_open_holder"
ONE_HOLDER_MESSAGE = next(c for c in Office._meta.constraints if c.name == ONE_HOLDER).violation_error_message


class OfficeInlineForm(forms.ModelForm):
    def validate_constraints(self):
        # Every rule but "one holder at a time", which depends on the other rows of the same save:
        # OfficeFormSet checks it on what the whole save leaves in the database.
        exclude = self._get_validation_exclusions()
        for constraint in Office._meta.constraints:
            if constraint.name == ONE_HOLDER:
                continue
            try:
                constraint.validate(Office, self.instance, exclude=exclude)
            except ValidationError as error:
                self._update_errors(error)


class OfficeFormSet(forms.BaseInlineFormSet):
    """Offices edited together: ending a term and adding its next holder is one save.

    Existing rows are saved before new ones, and open rows come first in the list (Office's
    ordering), so a save this check lets through never meets the constraint half way.
    """

    def clean(self):
        super().clean()
        kept = [f for f in self.forms if f.has_changed() or f.instance.pk]
        kept = [f for f in kept if not self._should_delete_form(f) and f.is_valid()]
        edited_pks = [f.instance.pk for f in self.forms if f.instance.pk]
        # Open offices left untouched by this save (other institutions' rows on a person's page).
        holders = {
            (institution_id, function.lower())
            for institution_id, function in Office.objects.filter(end_date__isnull=True)
            .filter(institution__in={f.instance.institution_id for f in kept if f.instance.institution_id})
            .exclude(pk__in=edited_pks)
            .values_list("institution_id", "function")
        }
        for form in kept:
            office = form.instance
            if office.end_date is not None or not office.function:
                continue
            key = (office.institution_id, office.function.lower())
            if key in holders:
                form.add_error("function", ONE_HOLDER_MESSAGE)
            holders.add(key)


class OfficeInline(admin.TabularInline):
    model = Office
    form = OfficeInlineForm
    formset = OfficeFormSet
    extra = 1
    autocomplete_fields = ["person"]
    fields = ["function", "person", "start_date", "start_year_only", "end_date", "end_year_only", "position"]


class PersonOfficeInline(OfficeInline):
    autocomplete_fields = ["institution"]
    fields = ["function", "institution", "start_date", "start_year_only", "end_date", "end_year_only", "position"]
    extra = 0


class ProposalFilter(admin.SimpleListFilter):
    """Institutions whose own account proposed changes (members/proposals.py): the admin's to-do list links here."""

    title = "zmiany zaproponowane przez instytucję"
    parameter_name = "propozycja"

    def lookups(self, request, model_admin):
        return [("czeka", "czekają na akceptację"), ("do-poprawy", "zwrócone do poprawy")]

    def queryset(self, request, queryset):
        status = {"czeka": "submitted", "do-poprawy": "returned"}.get(self.value())
        return queryset.filter(proposed_changes__status=status) if status else queryset


@admin.register(Institution)
class InstitutionAdmin(InstitutionScopedAdminMixin, EditConflictAdminMixin, admin.ModelAdmin):
    form = InstitutionAdminForm
    inlines = [OfficeInline]
    list_display = ["name", "short_name", "kind", "gmina", "is_published"]
    list_filter = ["is_published", ProposalFilter, "kind", "gmina"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["accession"]
    change_form_template = "admin/members/institution/change_form.html"
    # A partner institution's own account (members/partner_access.py) changes only what the
    # institution says about itself, and only by proposing it (members/proposals.py); its name,
    # kind, address on the site and publication stay with the partnership's staff.
    institution_field = "pk"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/zmiany/zatwierdz/", view(self.approve_change_view), name="members_institution_approve"),
            path("<int:pk>/zmiany/zwroc/", view(self.send_back_change_view), name="members_institution_send_back"),
            *super().get_urls(),
        ]

    # The account of the institution proposes; its save changes nothing on the site.

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None and self.is_limited(request):
            change = proposals.open_change(obj)
            if change is not None:
                request._institution_change = change
                proposals.show_proposed(obj, change)  # its form goes on from what it proposed
        return obj

    def save_model(self, request, obj, form, change):
        if self.is_limited(request):
            request._institution_change = proposals.propose(obj.pk, form.cleaned_data, request.user)
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if not self.is_limited(request):
            super().save_related(request, form, formsets, change)

    def log_change(self, request, obj, message):
        if self.is_limited(request):
            proposed = getattr(request, "_institution_change", None)
            message = f"Propozycja zmian: {proposals.summary(proposed)}" if proposed else "Wycofanie propozycji zmian"
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if not self.is_limited(request):
            return super().response_change(request, obj)
        if getattr(request, "_institution_change", None) is not None:
            text = (
                "Zmiany wysłano do akceptacji. Na stronie instytucji pojawią się, gdy zatwierdzi je "
                "osoba z zespołu partnerstwa."
            )
        else:
            text = "Dane są takie jak na stronie: nie ma zmian do zatwierdzenia."
        self.message_user(request, text, messages.SUCCESS)
        return redirect("admin:members_institution_change", obj.pk)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        proposed = None
        if obj is not None and obj.pk:
            proposed = getattr(request, "_institution_change", None) if self.is_limited(request) else None
            if proposed is None and not self.is_limited(request):
                proposed = proposals.open_change(obj)
        context["proposal"] = proposed and {
            "change": proposed,
            "rows": proposals.rows(proposed) if not self.is_limited(request) else None,
            "can_decide": not self.is_limited(request) and proposals.can_approve(request.user),
            "returned": proposed.status == proposed.Status.RETURNED,
        }
        return super().render_change_form(request, context, add, change, form_url, obj)

    # Whoever approves institutions' changes decides.

    def _proposal(self, request, pk):
        institution = self.get_object(request, str(pk))
        if institution is None:
            raise Http404
        if self.is_limited(request) or not proposals.can_approve(request.user):
            raise PermissionDenied
        return institution, proposals.open_change(institution)

    def approve_change_view(self, request, pk):
        institution, proposed = self._proposal(request, pk)
        if request.method != "POST":
            return redirect("admin:members_institution_change", pk)
        if proposed is None or proposed.status != proposed.Status.SUBMITTED:
            self.message_user(request, "Nie ma zmian czekających na akceptację.", messages.WARNING)
            return redirect("admin:members_institution_change", pk)
        text = proposals.summary(proposed)
        try:
            institution = proposals.approve(proposed, request.user)
        except ValidationError as error:
            self.message_user(request, "Nie można zatwierdzić zmian: " + " ".join(error.messages), messages.ERROR)
            return redirect("admin:members_institution_change", pk)
        self.log_change(request, institution, f"Zatwierdzenie zmian zaproponowanych przez instytucję: {text}")
        self.message_user(
            request, f"Zatwierdzono zmiany danych instytucji „{institution}”: są już na stronie.", messages.SUCCESS
        )
        return redirect("admin:members_institution_change", pk)

    def send_back_change_view(self, request, pk):
        institution, proposed = self._proposal(request, pk)
        waiting = proposed is not None and proposed.status == proposed.Status.SUBMITTED
        form = SendBackForm(
            request.POST if request.method == "POST" else None, what=("zmiany", "instytucji", "w propozycji")
        )
        if waiting and form.is_valid():
            proposals.send_back(proposed, request.user, form.cleaned_data["note"])
            self.log_change(
                request, institution, f"Zwrot zaproponowanych zmian do poprawy. Uwagi: {form.cleaned_data['note']}"
            )
            self.message_user(
                request,
                f"Zwrócono zmiany danych instytucji „{institution}” do poprawy. Uwagi wysłano e-mailem osobie, "
                "która je zaproponowała.",
                messages.SUCCESS,
            )
            return redirect("admin:members_institution_change", pk)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Zwrot zmian do poprawy: {institution}",
            "subtitle": None,
            "opts": self.opts,
            "original": institution,
            "form": form,
            "waiting": waiting,
        }
        request.current_app = self.admin_site.name
        status = 409 if not waiting else 400 if form.is_bound else 200
        return TemplateResponse(request, "admin/members/institution/send_back.html", context, status=status)

    def get_fields(self, request, obj=None):
        if self.is_limited(request):
            return [name for name in self.form._meta.fields if name != "slug"]
        fields = ["is_published", *self.form._meta.fields]
        if obj is not None and obj.accession_requests.exists():
            fields.append("accession")
        return fields

    def get_readonly_fields(self, request, obj=None):
        if self.is_limited(request):
            return [name for name in self.form._meta.fields if name not in proposals.EDITABLE]
        return super().get_readonly_fields(request, obj)

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self.is_limited(request) else super().get_prepopulated_fields(request, obj)

    def get_inlines(self, request, obj):
        return [] if self.is_limited(request) else super().get_inlines(request, obj)

    def get_list_filter(self, request):
        return [] if self.is_limited(request) else super().get_list_filter(request)

    @admin.display(description="zgłoszenie przystąpienia")
    def accession(self, obj):
        req = obj.accession_requests.order_by("-created_at").first()
        if req is None:
            return "–"
        url = reverse("admin:members_accessionrequest_change", args=[req.pk])
        return format_html(
            '<a href="{}">Zgłoszenie z {}</a>: osoba kontaktowa {}, {}',
            url,
            pl_date(timezone.localtime(req.created_at)),
            req.contact_name,
            req.email,
        )


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    inlines = [PersonOfficeInline]
    list_display = ["last_name", "first_name"]
    search_fields = ["last_name", "first_name"]


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label="Powód odrzucenia",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Trafi do osoby zgłaszającej w e-mailu z decyzją i zostanie zapisany przy zgłoszeniu.",
        error_messages={
            "required": "Podaj powód odrzucenia: trafi do osoby zgłaszającej.",
            "max_length": "Powód może mieć najwyżej %(limit_value)d znaków (ma %(show_value)d).",
        },
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError("Podaj powód odrzucenia: trafi do osoby zgłaszającej.")
        return reason


@admin.register(AccessionRequest)
class AccessionRequestAdmin(admin.ModelAdmin):
    # The kind is on the request's page and in the filters: the list fits a 1366 px screen.
    list_display = ["institution_name", "gmina", "contact_name", "email", "created_at", "status"]
    list_filter = ["status", "kind", "gmina"]
    search_fields = ["institution_name", "contact_name", "email"]
    date_hierarchy = "created_at"
    list_select_related = ["institution"]
    actions = ["accept", "reject"]
    change_form_template = "admin/members/accessionrequest/change_form.html"
    fields = [
        "institution_name",
        "kind",
        "gmina",
        "contact_name",
        "email",
        "phone",
        "message",
        "consent",
        "created_at",
        "status",
        "decided_at",
        "decided_by",
        "rejection_reason",
        "institution",
    ]
    readonly_fields = [
        "consent",
        "created_at",
        "status",
        "decided_at",
        "decided_by",
        "rejection_reason",
        "institution",
    ]

    def has_add_permission(self, request):
        return False  # requests come from the public form

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/przyjmij/", view(self.accept_view), name="members_accessionrequest_accept"),
            path("<int:pk>/odrzuc/", view(self.reject_view), name="members_accessionrequest_reject"),
        ] + super().get_urls()

    # One request, from its own page (the staff e-mail links there): confirm, then decide.

    def _pending_request(self, request, pk):
        req = get_object_or_404(AccessionRequest, pk=pk)
        if not self.has_change_permission(request, req):
            raise PermissionDenied
        return req

    def _context(self, request, req, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": req,
            "req": req,
            "title": title,
            **extra,
        }

    def _already_decided(self, request, req):
        self.message_user(
            request,
            f"Zgłoszenie „{req.institution_name}” zostało już rozpatrzone: {req.get_status_display()}.",
            messages.WARNING,
        )
        return redirect("admin:members_accessionrequest_change", req.pk)

    def accept_view(self, request, pk):
        req = self._pending_request(request, pk)
        if not req.is_pending:
            return self._already_decided(request, req)
        if request.method == "POST":
            try:
                req, mailed = decisions.accept(req, request.user)
            except decisions.AlreadyDecided:
                return self._already_decided(request, req)
            except decisions.NameTaken:
                self.message_user(
                    request,
                    f"Nie przyjęto zgłoszenia: instytucja „{req.institution_name}” już istnieje. "
                    "Popraw nazwę w zgłoszeniu albo odrzuć je.",
                    messages.ERROR,
                )
                return redirect("admin:members_accessionrequest_change", req.pk)
            self.message_user(
                request,
                f"Przyjęto zgłoszenie „{req.institution_name}”. Instytucja czeka nieopublikowana: "
                "uzupełnij jej dane (adres, przedstawiciele), zaznacz „opublikowana” i zapisz.",
                messages.SUCCESS,
            )
            self._report_mail(request, req, mailed)
            if request.user.has_perm("members.change_institution"):
                return redirect("admin:members_institution_change", req.institution.pk)
            return redirect(reverse("admin:members_accessionrequest_changelist") + "?status__exact=oczekuje")
        context = self._context(request, req, "Przyjąć zgłoszenie?")
        return TemplateResponse(request, "admin/members/accessionrequest/accept.html", context)

    def reject_view(self, request, pk):
        req = self._pending_request(request, pk)
        if not req.is_pending:
            return self._already_decided(request, req)
        form = RejectionForm(request.POST or None)
        if request.method == "POST":
            if form.is_valid():
                try:
                    req, mailed = decisions.reject(req, request.user, form.cleaned_data["reason"])
                except decisions.AlreadyDecided:
                    return self._already_decided(request, req)
                self.message_user(request, f"Odrzucono zgłoszenie „{req.institution_name}”.", messages.SUCCESS)
                self._report_mail(request, req, mailed)
                return redirect(reverse("admin:members_accessionrequest_changelist") + "?status__exact=oczekuje")
        context = self._context(request, req, "Odrzucić zgłoszenie?", form=form)
        status = 400 if form.is_bound else 200
        return TemplateResponse(request, "admin/members/accessionrequest/reject.html", context, status=status)

    def _report_mail(self, request, req, mailed):
        if mailed:
            self.message_user(
                request,
                f"Wiadomość z decyzją zostanie wysłana na adres {req.email} w ciągu kilku minut.",
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request,
                f"Nie udało się przygotować e-maila z decyzją na adres {req.email}: "
                "przekaż ją osobie zgłaszającej samodzielnie.",
                messages.WARNING,
            )

    # Many at once, from the list.

    @admin.action(
        description="Przyjmij wybrane zgłoszenia… (utworzy nieopublikowane instytucje)", permissions=["change"]
    )
    def accept(self, request, queryset):
        pending = list(queryset.filter(status=AccessionRequest.Status.PENDING).order_by("created_at"))
        skipped = queryset.count() - len(pending)
        if pending and "confirm" not in request.POST:
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "requests": pending,
                "skipped": skipped,
                "title": "Przyjąć wybrane zgłoszenia?",
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/members/accessionrequest/accept_selected.html", context)
        accepted, refused, unmailed = 0, [], []
        for req in pending:
            try:
                req, mailed = decisions.accept(req, request.user)
            except decisions.AlreadyDecided:
                skipped += 1
                continue
            except decisions.NameTaken:
                refused.append(req.institution_name)
                continue
            accepted += 1
            if not mailed:
                unmailed.append(req.email)
        if accepted:
            self.message_user(
                request,
                f"Przyjęto {plural(accepted, 'zgłoszenie,zgłoszenia,zgłoszeń')}; osoby zgłaszające dostaną e-mail. "
                "Nowe instytucje czekają nieopublikowane: uzupełnij ich dane i opublikuj je.",
                messages.SUCCESS,
            )
        for name in refused:
            self.message_user(
                request, f"Nie przyjęto zgłoszenia „{name}”: instytucja o tej nazwie już istnieje.", messages.ERROR
            )
        self._report_skipped_and_unmailed(request, skipped, unmailed)
        return None

    @admin.action(description="Odrzuć wybrane zgłoszenia…", permissions=["change"])
    def reject(self, request, queryset):
        pending = list(queryset.filter(status=AccessionRequest.Status.PENDING).order_by("created_at"))
        skipped = queryset.count() - len(pending)
        if not pending:
            self._report_skipped_and_unmailed(request, skipped, [])
            return None
        form = RejectionForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            rejected, unmailed = 0, []
            for req in pending:
                try:
                    req, mailed = decisions.reject(req, request.user, form.cleaned_data["reason"])
                except decisions.AlreadyDecided:
                    skipped += 1
                    continue
                rejected += 1
                if not mailed:
                    unmailed.append(req.email)
            self.message_user(
                request,
                f"Odrzucono {plural(rejected, 'zgłoszenie,zgłoszenia,zgłoszeń')}; "
                "osoby zgłaszające dostaną e-mail z uzasadnieniem.",
                messages.SUCCESS,
            )
            self._report_skipped_and_unmailed(request, skipped, unmailed)
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "requests": pending,
            "skipped": skipped,
            "form": form,
            "title": "Odrzucić wybrane zgłoszenia?",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(
            request,
            "admin/members/accessionrequest/reject_selected.html",
            context,
            status=400 if form.is_bound else 200,
        )

    def _report_skipped_and_unmailed(self, request, skipped, unmailed):
        if skipped:
            self.message_user(
                request,
                f"Pominięto {plural(skipped, 'zgłoszenie,zgłoszenia,zgłoszeń')} już rozpatrzone.",
                messages.WARNING,
            )
        if unmailed:
            self.message_user(
                request,
                "Nie udało się przygotować e-maila z decyzją na adresy: "
                + ", ".join(unmailed)
                + ". Przekaż ją osobom zgłaszającym samodzielnie.",
                messages.WARNING,
            )

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_ckeditor_5.widgets import CKEditor5Widget

from members.models import AccessionRequest, Institution, Office, Person
from partnerstwo.images import clean_form_image
from partnerstwo.templatetags.pl import plural


class InstitutionAdminForm(forms.ModelForm):
    class Meta:
        model = Institution
        fields = [
            "name", "short_name", "slug", "kind", "gmina", "address", "website", "email", "phone",
            "logo", "logo_alt", "description",
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
    fields = ["function", "person", "start_date", "end_date", "position"]


class PersonOfficeInline(OfficeInline):
    autocomplete_fields = ["institution"]
    fields = ["function", "institution", "start_date", "end_date", "position"]
    extra = 0


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    form = InstitutionAdminForm
    inlines = [OfficeInline]
    list_display = ["name", "short_name", "kind", "gmina"]
    list_filter = ["kind", "gmina"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    inlines = [PersonOfficeInline]
    list_display = ["last_name", "first_name"]
    search_fields = ["last_name", "first_name"]


@admin.register(AccessionRequest)
class AccessionRequestAdmin(admin.ModelAdmin):
    list_display = ["institution_name", "kind", "gmina", "contact_name", "email", "created_at", "status"]
    list_filter = ["status", "kind", "gmina"]
    search_fields = ["institution_name", "contact_name", "email"]
    date_hierarchy = "created_at"
    list_select_related = ["institution"]
    actions = ["accept", "reject"]
    fields = [
        "institution_name", "kind", "gmina", "contact_name", "email", "phone", "message", "consent",
        "created_at", "status", "decided_at", "decided_by", "institution",
    ]
    readonly_fields = ["consent", "created_at", "status", "decided_at", "decided_by", "institution"]

    def has_add_permission(self, request):
        return False  # requests come from the public form

    @admin.action(description="Przyjmij wybrane zgłoszenia (utworzy instytucje)", permissions=["change"])
    def accept(self, request, queryset):
        accepted, refused = 0, []
        skipped = queryset.exclude(status=AccessionRequest.Status.PENDING).count()
        for req in queryset.filter(status=AccessionRequest.Status.PENDING).order_by("created_at"):
            try:
                with transaction.atomic():
                    req.institution = Institution.objects.create(
                        name=req.institution_name, kind=req.kind, gmina=req.gmina
                    )
                    req.status = AccessionRequest.Status.ACCEPTED
                    req.decided_at, req.decided_by = timezone.now(), request.user
                    req.save()
            except IntegrityError:
                refused.append(req.institution_name)
                continue
            accepted += 1
        if accepted:
            self.message_user(
                request,
                f"Przyjęto {plural(accepted, 'zgłoszenie,zgłoszenia,zgłoszeń')}. "
                "Uzupełnij dane nowych instytucji (adres, przedstawiciele).",
                messages.SUCCESS,
            )
        for name in refused:
            self.message_user(
                request, f"Nie przyjęto zgłoszenia „{name}”: instytucja o tej nazwie już istnieje.", messages.ERROR
            )
        if skipped:
            self.message_user(
                request, f"Pominięto {plural(skipped, 'zgłoszenie,zgłoszenia,zgłoszeń')} już rozpatrzone.",
                messages.WARNING,
            )

    @admin.action(description="Odrzuć wybrane zgłoszenia", permissions=["change"])
    def reject(self, request, queryset):
        count = queryset.filter(status=AccessionRequest.Status.PENDING).update(
            status=AccessionRequest.Status.REJECTED, decided_at=timezone.now(), decided_by=request.user
        )
        self.message_user(request, f"Odrzucono {plural(count, 'zgłoszenie,zgłoszenia,zgłoszeń')}.", messages.SUCCESS)

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path

from accessibility import cases
from accessibility.forms import ExtendForm, RefuseForm, ResolveForm
from accessibility.models import AccessibilityRequest, CaseEvent
from core.templatetags.pl import pl_date


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    can_delete = False
    fields = ["at", "by", "kind", "text", "mailed"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccessibilityRequest)
class AccessibilityRequestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "address", "name", "received_at", "deadline", "status"]
    list_filter = ["status"]
    search_fields = ["address", "need", "name", "email"]
    date_hierarchy = "received_at"
    inlines = [CaseEventInline]
    change_form_template = "admin/accessibility/accessibilityrequest/change_form.html"
    fields = [
        "address",
        "need",
        "alternative",
        "name",
        "email",
        "phone",
        "received_at",
        "status",
        "due_on",
        "extension_reason",
        "outcome",
        "alternative_offered",
        "closed_at",
    ]
    readonly_fields = fields

    @admin.display(description="termin", ordering="due_on")
    def deadline(self, case):
        if not case.is_open:
            return "—"
        return case.deadline_text()

    def has_add_permission(self, request):
        return False  # cases come from the public form

    def has_delete_permission(self, request, obj=None):
        return False  # a case is kept with its history; the daily clean-up deletes closed ones

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/zalatw/", view(self.resolve_view), name="accessibility_accessibilityrequest_resolve"),
            path("<int:pk>/przedluz/", view(self.extend_view), name="accessibility_accessibilityrequest_extend"),
            path("<int:pk>/odmow/", view(self.refuse_view), name="accessibility_accessibilityrequest_refuse"),
        ] + super().get_urls()

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None and obj.is_open:
            context["deadline_text"] = obj.deadline_text()
            context["overdue"] = obj.days_left() < 0
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    # Each step: a form that says what the requester will be told, then the step and its e-mail.

    def _open_case(self, request, pk):
        case = get_object_or_404(AccessibilityRequest, pk=pk)
        if not self.has_change_permission(request, case):
            raise PermissionDenied
        return case

    def _closed(self, request, case):
        self.message_user(request, f"{case} jest już zamknięte: {case.get_status_display()}.", messages.WARNING)
        return redirect("admin:accessibility_accessibilityrequest_change", case.pk)

    def _step_view(self, request, pk, form_class, title, intro, button, template, act):
        case = self._open_case(request, pk)
        if not case.is_open:
            return self._closed(request, case)
        kwargs = {"case": case} if form_class is ExtendForm else {}
        form = form_class(request.POST or None, **kwargs)
        if request.method == "POST" and form.is_valid():
            try:
                case, mailed = act(case, request.user, form.cleaned_data)
            except cases.AlreadyClosed:
                return self._closed(request, case)
            self._report_mail(request, case, mailed)
            return redirect("admin:accessibility_accessibilityrequest_change", case.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": case,
            "case": case,
            "title": title,
            "intro": intro,
            "button": button,
            "form": form,
            "deadline_text": case.deadline_text(),
        }
        status = 400 if form.is_bound else 200
        return TemplateResponse(request, template, context, status=status)

    def resolve_view(self, request, pk):
        def act(case, user, data):
            case, mailed = cases.resolve(case, user, data["outcome"])
            self.message_user(request, f"{case} załatwiono.", messages.SUCCESS)
            return case, mailed

        return self._step_view(
            request,
            pk,
            ResolveForm,
            "Załatwić zgłoszenie?",
            "Zgłaszający dostanie e-mail z informacją, jak zapewniono dostęp.",
            "Załatw zgłoszenie",
            "admin/accessibility/accessibilityrequest/step.html",
            act,
        )

    def extend_view(self, request, pk):
        def act(case, user, data):
            case, mailed = cases.extend(case, user, data["due_on"], data["reason"])
            self.message_user(request, f"Przedłużono termin: {case} do {pl_date(case.due_on)}.", messages.SUCCESS)
            return case, mailed

        return self._step_view(
            request,
            pk,
            ExtendForm,
            "Przedłużyć termin?",
            "Ustawa pozwala przedłużyć termin tylko z powiadomieniem zgłaszającego: dostanie on e-mail z powodem "
            "i nowym terminem.",
            "Przedłuż termin i powiadom zgłaszającego",
            "admin/accessibility/accessibilityrequest/step.html",
            act,
        )

    def refuse_view(self, request, pk):
        def act(case, user, data):
            case, mailed = cases.refuse(case, user, data["reason"], data["alternative"])
            self.message_user(request, f"{case}: odmówiono, proponując dostęp alternatywny.", messages.SUCCESS)
            return case, mailed

        return self._step_view(
            request,
            pk,
            RefuseForm,
            "Odmówić i zaproponować dostęp alternatywny?",
            "Zgłaszający dostanie e-mail z powodem odmowy, zaproponowanym dostępem alternatywnym i informacją "
            "o skardze oraz wniosku do Rzecznika Praw Obywatelskich.",
            "Odmów i zaproponuj dostęp alternatywny",
            "admin/accessibility/accessibilityrequest/step.html",
            act,
        )

    def _report_mail(self, request, case, mailed):
        if mailed:
            self.message_user(request, f"E-mail wyjdzie za chwilę na adres {case.email}.", messages.SUCCESS)
        else:
            self.message_user(
                request,
                f"Nie udało się przygotować e-maila na adres {case.email}: przekaż tę informację "
                "zgłaszającemu samodzielnie.",
                messages.WARNING,
            )

"""The admin side of approval before publishing (changelog/review.py), the same for every item that has it.

A ModelAdmin takes ReviewAdminMixin and names its item's ``review_flow``: a ReviewFlow of the
functions its app's review module defines. The mixin refuses „Zatwierdź i opublikuj” to whoever
may not publish, gives the change form the buttons' context (templates/admin/review_change_form.html)
and serves „Zwróć do poprawy” at ``<id>/zwroc-do-poprawy/`` (templates/admin/review_send_back.html,
through the item's own ``admin/<app>/<model>/send_back.html``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from changelog.review import SendBackForm


@dataclass(frozen=True)
class ReviewFlow:
    can_publish: Callable  # user → whether they approve
    can_submit: Callable  # item or None → whether it may be sent for approval
    awaits_approval: Callable  # item or None → whether it waits for approval
    returned_note: Callable  # item or None → the note of an item returned for changes, else ""
    send_back: Callable  # (item, user, note): return it for changes
    what: tuple  # the item in the accusative, the genitive and „in it” (SendBackForm)
    sent_back_message: Callable  # item → what the approver reads after returning it


class ReviewAdminMixin:
    review_flow: ReviewFlow

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/zwroc-do-poprawy/",
                self.admin_site.admin_view(self.send_back_view),
                name=f"{opts.app_label}_{opts.model_name}_send_back",
            ),
            *super().get_urls(),
        ]

    def has_publish_permission(self, request):
        """For admin actions with ``permissions=["publish"]`` (bulk approval)."""
        return self.review_flow.can_publish(request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and "_approve" in request.POST and not self.review_flow.can_publish(request.user):
            raise PermissionDenied
        return super().changeform_view(request, object_id, form_url, extra_context)

    def review_context(self, request, obj, add):
        flow = self.review_flow
        editable = self.has_add_permission(request) if add else self.has_change_permission(request, obj)
        publisher = flow.can_publish(request.user)
        return {
            "can_submit": editable and not publisher and flow.can_submit(obj),
            "can_decide": editable and publisher and flow.awaits_approval(obj),
            "note": flow.returned_note(obj),
            "waiting": flow.awaits_approval(obj),
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["review"] = self.review_context(request, obj, add)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def send_back_view(self, request, object_id):
        flow, opts = self.review_flow, self.model._meta
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self.missing_object_redirect(request, opts, object_id)
        if not (flow.can_publish(request.user) and self.has_change_permission(request, obj)):
            raise PermissionDenied
        form = SendBackForm(request.POST if request.method == "POST" else None, what=flow.what)
        waiting = flow.awaits_approval(obj)
        if waiting and form.is_valid():
            flow.send_back(obj, request.user, form.cleaned_data["note"])
            self.log_change(request, obj, "Zwrot do poprawy")
            self.message_user(request, flow.sent_back_message(obj), messages.SUCCESS)
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        context = {
            **self.admin_site.each_context(request),
            "title": f"Zwrot do poprawy: {obj}",
            "subtitle": None,
            "opts": opts,
            "original": obj,
            "form": form,
            "waiting": waiting,
        }
        request.current_app = self.admin_site.name
        status = 409 if not waiting else 400 if form.is_bound else 200
        return TemplateResponse(
            request, f"admin/{opts.app_label}/{opts.model_name}/send_back.html", context, status=status
        )

"""E-mails of an accessibility case: a notice for staff, and what the requester is told at each step.

Replies go to the office mailbox (core.notify.office_reply_to), never to a staff member's address.
"""

from django.apps import apps
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from core.links import absolute_url
from core.notify import notify_staff, office_reply_to, send_later


def _context(case):
    reply_to = office_reply_to()
    return {
        "case": case,
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "form_url": absolute_url(reverse("accessibility_request")),
        "can_reply": bool(reply_to),
        "statement_url": absolute_url(reverse("accessibility_statement")),
        "coordinator_name": _coordinator_name(),
    }, reply_to


def _coordinator_name():
    # The site frame's row, looked up by label: apps never import pages (tests/test_app_layering.py).
    coordinator = apps.get_model("pages", "Coordinator")
    name = coordinator.objects.filter(pk=1).values_list("name", flat=True).first()
    return name or coordinator._meta.get_field("name").default


def _to_requester(case, subject, template):
    context, reply_to = _context(case)
    send_later(subject, render_to_string(template, context), [case.email], reply_to=reply_to)


def received(case):
    context, _ = _context(case)
    context["admin_url"] = absolute_url(reverse("admin:accessibility_accessibilityrequest_change", args=[case.pk]))
    notify_staff(
        f"Nowe zgłoszenie dostępności nr {case.pk}: termin {case.due_on:%d.%m.%Y}",
        render_to_string("accessibility/email/staff_received.txt", context),
        permission="accessibility.change_accessibilityrequest",
    )
    _to_requester(case, f"Otrzymaliśmy zgłoszenie dostępności nr {case.pk}", "accessibility/email/received.txt")


def extended(case):
    _to_requester(
        case, f"Zgłoszenie dostępności nr {case.pk}: nowy termin załatwienia", "accessibility/email/extended.txt"
    )


def resolved(case):
    _to_requester(case, f"Zgłoszenie dostępności nr {case.pk} zostało załatwione", "accessibility/email/resolved.txt")


def refused(case):
    _to_requester(
        case,
        f"Zgłoszenie dostępności nr {case.pk}: odmowa i propozycja dostępu alternatywnego",
        "accessibility/email/refused.txt",
    )

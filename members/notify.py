"""E-mails about accession requests: a notice for staff, a confirmation and the decision for the applicant."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from core.links import absolute_url
from core.notify import notify_staff, office_reply_to, send_later


def accession_received(request_obj):
    context = {
        "req": request_obj,
        "SITE_NAME": settings.SITE_NAME,
        "admin_url": absolute_url(reverse("admin:members_accessionrequest_change", args=[request_obj.pk])),
    }
    notify_staff(
        f"Nowe zgłoszenie przystąpienia do partnerstwa: {request_obj.institution_name}",
        render_to_string("members/email/accession_staff.txt", context),
        permission="members.change_accessionrequest",
    )
    send_later(
        "Otrzymaliśmy zgłoszenie przystąpienia do Partnerstwa Lokalnego",
        render_to_string("members/email/accession_applicant.txt", context),
        [request_obj.email],
        reply_to=office_reply_to(),
    )


def _decision(request_obj, subject, template):
    # Replies go to the office mailbox (the sender is usually a no-reply address), never to a person.
    reply_to = office_reply_to()
    context = {
        "req": request_obj,
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "can_reply": bool(reply_to),
    }
    send_later(subject, render_to_string(template, context), [request_obj.email], reply_to=reply_to)


def accession_accepted(request_obj):
    _decision(
        request_obj, "Zgłoszenie do Partnerstwa Lokalnego zostało przyjęte", "members/email/accession_accepted.txt"
    )


def accession_rejected(request_obj):
    _decision(
        request_obj, "Decyzja w sprawie zgłoszenia do Partnerstwa Lokalnego", "members/email/accession_rejected.txt"
    )

"""E-mails about accession requests: a notice for staff, a confirmation for the applicant."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from core.links import absolute_url
from core.notify import notify_staff, send_later


def accession_received(request_obj):
    context = {
        "req": request_obj,
        "SITE_NAME": settings.SITE_NAME,
        "admin_url": absolute_url(reverse("admin:members_accessionrequest_change", args=[request_obj.pk])),
    }
    notify_staff(
        f"Nowe zgłoszenie przystąpienia do partnerstwa: {request_obj.institution_name}",
        render_to_string("members/email/accession_staff.txt", context),
    )
    send_later(
        "Otrzymaliśmy zgłoszenie przystąpienia do Partnerstwa Lokalnego",
        render_to_string("members/email/accession_applicant.txt", context),
        [request_obj.email],
    )

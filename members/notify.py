"""E-mails about accession requests: a notice for staff, a confirmation for the applicant."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from core.notify import staff_recipients


def accession_received(request_obj):
    context = {
        "req": request_obj,
        "SITE_NAME": settings.SITE_NAME,
        "admin_url": settings.SITE_URL + reverse("admin:members_accessionrequest_change", args=[request_obj.pk]),
    }
    recipients = staff_recipients()
    if recipients:
        send_mail(
            f"Nowe zgłoszenie przystąpienia do partnerstwa: {request_obj.institution_name}",
            render_to_string("members/email/accession_staff.txt", context),
            None,
            recipients,
        )
    send_mail(
        "Otrzymaliśmy zgłoszenie przystąpienia do Partnerstwa Lokalnego",
        render_to_string("members/email/accession_applicant.txt", context),
        None,
        [request_obj.email],
    )

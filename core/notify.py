"""E-mails about things that wait for someone (requests, comments), sent in the background.

A request that saved something never waits for the mail server, and a mail
server outage never turns a saved form into an error page: the message is put
in the task queue when the transaction commits, and the worker sends it.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task

from core.mail_layout import html_for_text


def staff_recipients():
    """STAFF_NOTIFY_EMAILS, or else every active staff member with an e-mail address."""
    if settings.STAFF_NOTIFY_EMAILS:
        return list(settings.STAFF_NOTIFY_EMAILS)
    users = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


@task()
def send_mail_task(subject, body, recipients):
    send_mail(subject, body, None, recipients, html_message=html_for_text(subject, body))


def send_later(subject, body, recipients):
    """Queue one plain-text message once the current transaction (if any) has committed."""
    if recipients:
        transaction.on_commit(lambda: send_mail_task.enqueue(subject, body, list(recipients)))


def notify_staff(subject, body):
    send_later(subject, body, staff_recipients())

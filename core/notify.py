"""Every e-mail the portal writes in a request is sent by the task worker, never by the request.

A request that saved something never waits for the mail server, and a mail server
that is away or hangs (accepts the connection and never answers) never turns a
form into an error page or holds a worker: the message is put in the task queue
when the transaction commits, and `manage.py db_worker` sends it, trying again
later (RETRY_DELAYS) while the server stays away.
"""

import logging
from datetime import timedelta
from email.utils import make_msgid

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from core.links import site_host
from core.mail_layout import html_for_text

logger = logging.getLogger(__name__)

# Waits between attempts; after the last one the message is given up (and logged as an error).
RETRY_DELAYS = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2)]


def staff_recipients(permission):
    """STAFF_NOTIFY_EMAILS, or else the active staff whose role can act on the notice.

    ``permission`` is what acting takes ("news.change_comment"): a Redaktor is never told about a
    comment whose page would refuse her, a Moderator and an Administrator are (accounts/roles.py).
    """
    if settings.STAFF_NOTIFY_EMAILS:
        return list(settings.STAFF_NOTIFY_EMAILS)
    users = (
        get_user_model()
        .objects.with_perm(permission, backend="django.contrib.auth.backends.ModelBackend")
        .filter(is_staff=True)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def office_reply_to():
    """Where replies from the public go: [OFFICE_EMAIL], else [the coordinator's e-mail], else [].

    One office mailbox, never a staff member's personal address, in every e-mail to the public.
    The coordinator's row belongs to the site frame (pages), which depends on the apps and never
    the other way (tests/test_app_layering.py): it is looked up by its label, as get_user_model() does.
    """
    if settings.OFFICE_EMAIL:
        return [settings.OFFICE_EMAIL]
    coordinator = apps.get_model("pages", "Coordinator")
    email = coordinator.objects.filter(pk=1).values_list("email", flat=True).first()
    return [email] if email else []


def _as_data(message):
    """The message as JSON the task queue can store (attachments are not needed by any mail queued)."""
    if message.attachments:
        raise ValueError("Queued e-mails carry no attachments.")
    headers = {name: str(value) for name, value in message.extra_headers.items()}
    if not any(name.lower() == "message-id" for name in headers):
        # Fixed now: should the worker be killed after handing the message over and run it
        # again, mail systems that deduplicate by Message-ID show the two copies as one.
        headers["Message-ID"] = make_msgid(domain=site_host())
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "content_subtype": message.content_subtype,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": headers,
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }


def _from_data(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    message.content_subtype = data["content_subtype"]
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


@task()
def send_queued_mail(data, attempt=0):
    """Send one queued message; while the mail server fails, queue the next attempt for later."""
    try:
        _from_data(data).send()
    except Exception as error:
        if attempt >= len(RETRY_DELAYS) or not send_queued_mail.get_backend().supports_defer:
            subject, to = data["subject"], data["to"]
            logger.error("E-mail %r to %s given up after %d attempts: %r", subject, to, attempt + 1, error)
            raise
        logger.warning("E-mail %r to %s not sent (%r); trying again later", data["subject"], data["to"], error)
        send_queued_mail.using(run_after=timezone.now() + RETRY_DELAYS[attempt]).enqueue(data, attempt + 1)
        return "retry"
    return "sent"


def queue_mail(message):
    """Queue an EmailMessage for the task worker once the current transaction (if any) has committed."""
    if message.recipients():
        data = _as_data(message)
        transaction.on_commit(lambda: send_queued_mail.enqueue(data))


@task()
def send_mail_task(subject, body, recipients):
    # Kept for the notices the previous release queued; new ones go through send_queued_mail.
    _text_message(subject, body, recipients).send()


def _text_message(subject, body, recipients, reply_to=()):
    message = EmailMultiAlternatives(subject, body, to=list(recipients), reply_to=list(reply_to))
    message.attach_alternative(html_for_text(subject, body), "text/html")
    return message


def send_later(subject, body, recipients, *, reply_to=()):
    """Queue one plain-text message (with the portal's HTML layout) once the transaction has committed."""
    if recipients:
        queue_mail(_text_message(subject, body, recipients, reply_to))


def notify_staff(subject, body, *, permission):
    """Tell the staff who may act on it (``permission``, see staff_recipients)."""
    send_later(subject, body, staff_recipients(permission))

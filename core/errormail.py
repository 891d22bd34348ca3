"""Error reports to ADMINS, sent by the task worker instead of the request.

Django's AdminEmailHandler talks to the SMTP server inside the request that
failed: a slow or unreachable server holds that worker for the whole SMTP
timeout, and anyone can trigger it. This handler only queues the report
(one INSERT into the task table); `manage.py db_worker` sends it, with the
mailer's timeout (EMAIL_TIMEOUT).
"""

import sys

from django.conf import settings
from django.core import mail
from django.tasks import task
from django.utils.log import AdminEmailHandler


@task()
def send_error_report(subject, message, html_message=None):
    """Send one error report to ADMINS (run by the task worker)."""
    mail.mail_admins(subject, message, html_message=html_message)
    return "sent"


class QueuedAdminEmailHandler(AdminEmailHandler):
    """AdminEmailHandler whose reports wait in the task queue."""

    def emit(self, record):
        if not settings.ADMINS:
            return  # nobody to tell (Django's handler skips too, unless send_mail is overridden)
        try:
            super().emit(record)
        except Exception:
            # Describing the request can fail again (a 400 for too many fields re-raises when
            # the report reads request.GET): the answer to the visitor must not.
            self.handleError(record)

    def send_mail(self, subject, message, *args, html_message=None, **kwargs):
        try:
            send_error_report.enqueue(subject, message, html_message)
        except Exception as error:  # the database itself may be what failed
            sys.stderr.write(f"Error report not queued ({error!r}): {subject}\n")

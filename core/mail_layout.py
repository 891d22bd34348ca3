"""The portal's branded HTML layout (templates/email/base.html) around a plain-text e-mail.

Mails written as text (staff notices, accession confirmations, account mails) get an HTML
alternative in the same layout as the newsletter; the text stays the first, plain part.
"""

from django.conf import settings
from django.template.loader import render_to_string


def html_for_text(subject, body):
    return render_to_string(
        "email/text_message.html",
        {
            "subject": subject,
            "body": body,
            "site_url": settings.SITE_URL,
            "SITE_NAME": settings.SITE_NAME,
        },
    )

"""Signed links in newsletter e-mails.

The confirmation link expires (settings.NEWSLETTER_CONFIRM_DAYS); the
unsubscribe link does not, so that an old e-mail can always stop the mail.
Each kind has its own salt: one link can never act as another.
"""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


def confirm_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(subscriber.pk))


def unsubscribe_token(subscriber):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscriber.pk))


def read_confirm_token(token):
    """The subscriber id; raises signing.SignatureExpired or signing.BadSignature."""
    max_age = settings.NEWSLETTER_CONFIRM_DAYS * 24 * 3600
    return int(signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=max_age))


def read_unsubscribe_token(token):
    """The subscriber id; raises signing.BadSignature."""
    return int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))

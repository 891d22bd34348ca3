"""The invitation a new colleague gets: a signed link that sets the account's first password.

The link is allauth's own password-reset link (its token generator, Django's
PasswordResetTokenGenerator underneath): signed with SECRET_KEY, valid for
PASSWORD_RESET_TIMEOUT, and spent once a password is set (the token covers the password hash
and the last login). allauth's page at the link checks it, asks for the password twice against
AUTH_PASSWORD_VALIDATORS and goes on to the admin, whose login asks for the new password.
"""

from urllib.parse import urlencode

from allauth.account import app_settings as allauth_settings
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from accounts.roles import ROLE_WORK
from core.links import absolute_url
from core.mail_layout import html_for_text
from core.notify import office_reply_to, queue_mail
from core.templatetags.pl import plural_form

SUBJECT = "Konto w panelu portalu Partnerstwa Lokalnego: ustaw hasło"


def invitation_url(user):
    """The absolute address that lets ``user`` set a password, then opens the admin."""
    token = allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    path = reverse("account_reset_password_from_key", kwargs={"uidb36": user_pk_to_url_str(user), "key": token})
    return absolute_url(f"{path}?{urlencode({'next': reverse('admin:index')})}")


def link_lifetime():
    """How long the link works, in words: „3 dni”, „1 dzień”, „12 godzin”."""
    seconds = settings.PASSWORD_RESET_TIMEOUT
    if seconds >= 86400 and seconds % 86400 == 0:
        days = seconds // 86400
        return f"{days} {plural_form(days, 'dzień', 'dni', 'dni')}"
    hours = max(1, seconds // 3600)
    return f"{hours} {plural_form(hours, 'godzinę', 'godziny', 'godzin')}"


def invitation_message(user, role):
    """The invitation to ``user`` with ``role``; replies go to the office, never to a colleague."""
    context = {
        "user": user,
        "role": role,
        "role_work": ROLE_WORK.get(role, ""),
        # The partner institution of an account limited to one (members.InstitutionAccount).
        "institution": getattr(getattr(user, "institution_account", None), "institution", None),
        "url": invitation_url(user),
        "lifetime": link_lifetime(),
        "reset_url": absolute_url(reverse("account_reset_password")),
        "mfa_required": settings.MFA_REQUIRED_FOR_STAFF,
    }
    message = EmailMultiAlternatives(
        subject=SUBJECT,
        body=render_to_string("accounts/email/invitation.txt", context),
        to=[user.email],
        reply_to=office_reply_to(),
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html_for_text(SUBJECT, message.body), "text/html")
    return message


def send_invitation(user, role):
    """Queue the invitation; the task worker sends it once the transaction commits."""
    queue_mail(invitation_message(user, role))

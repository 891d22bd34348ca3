from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.exceptions import PermissionDenied

from core.clientip import client_ip
from core.links import site_host
from core.mail_layout import html_for_text
from core.notify import office_reply_to, queue_mail


def user_display(user):
    """How allauth names a reader in its pages and e-mails: by e-mail, never by the generated username."""
    return user.email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        # Written in the request, sent by the task worker: a slow or hung mail server never
        # holds a password reset, a sign-up or an e-mail confirmation (nor the worker serving it).
        context = {
            "request": allauth_context.request,
            "email": email,
            **context,
            # allauth's e-mails greet with the site's name; without django.contrib.sites it would be the host name.
            "current_site": SimpleNamespace(name=settings.SITE_NAME, domain=site_host()),
        }
        queue_mail(self.render_mail(template_prefix, email, context))

    def get_client_ip(self, request):
        # allauth's rate limits (login, password reset, two-factor codes) count per visitor,
        # behind our proxies too, exactly as the portal's own limits do.
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Nie można ustalić adresu.")
        return ip

    def render_mail(self, template_prefix, email, context, headers=None):
        # allauth's mails are written as text: add the portal's branded HTML layout around them.
        message = super().render_mail(template_prefix, email, context, headers=headers)
        message.reply_to = office_reply_to()  # a reply reaches the office, never a person's own address
        if not getattr(message, "alternatives", None) and hasattr(message, "attach_alternative"):
            # The heading is the subject without its „[Partnerstwo Lokalne]” prefix (that belongs in the inbox).
            heading = message.subject.removeprefix(self.format_email_subject(""))
            message.attach_alternative(html_for_text(heading, message.body), "text/html")
        return message

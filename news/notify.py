"""The e-mail that tells a reader their comment was approved or answered (when they asked for it)."""

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from core.links import absolute_url
from core.mail_layout import html_for_text
from core.notify import office_reply_to, queue_mail

NOTICES_OFF_SALT = "news.comment-notices-off"


def notices_off_token(comment):
    # No expiry: an old e-mail can always stop the next one.
    return signing.Signer(salt=NOTICES_OFF_SALT).sign(str(comment.pk))


def read_notices_off_token(token):
    """The comment's id; raises signing.BadSignature."""
    return int(signing.Signer(salt=NOTICES_OFF_SALT).unsign(token))


def tell_author(comment, *, approved, answered):
    """Queue the notice, if the author wants it and the comment is on the site to be read."""
    if not (approved or answered) or not comment.notify_author or not comment.is_approved or not comment.user.email:
        return
    if approved and answered:
        subject = "Twój komentarz jest już na stronie, a Partnerstwo na niego odpowiedziało"
    elif approved:
        subject = "Twój komentarz jest już na stronie"
    else:
        subject = "Partnerstwo Lokalne odpowiedziało na Twój komentarz"
    off_url = absolute_url(reverse("news:comment_notices_off", args=[notices_off_token(comment)]))
    context = {
        "comment": comment,
        "approved": approved,
        "answered": answered,
        "comment_url": absolute_url(comment.get_absolute_url()),
        "off_url": off_url,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("news/email/comment_author.txt", context),
        to=[comment.user.email],
        reply_to=office_reply_to(),
        headers={"Auto-Submitted": "auto-generated", "List-Unsubscribe": f"<{off_url}>"},
    )
    message.attach_alternative(html_for_text(subject, message.body), "text/html")
    queue_mail(message)

"""The newsletter's e-mails: Polish plain text and HTML, absolute links, bulk-mail headers."""

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from core.links import absolute_url, site_host
from core.notify import office_reply_to
from core.sanitize import html_to_text
from newsletter.tokens import confirm_token, unsubscribe_token


def unsubscribe_url(subscriber):
    return absolute_url(reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)]))


def preferences_url(subscriber):
    """The subscriber's own page for choosing topics (newsletter.preferences)."""
    return absolute_url(reverse("newsletter:preferences", args=[unsubscribe_token(subscriber)]))


def confirm_url(subscriber):
    return absolute_url(reverse("newsletter:confirm", args=[confirm_token(subscriber)]))


_RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")/(?!/)')
_BLOCK_END = re.compile(r"</(p|h2|h3|h4|blockquote|table|tr|ul|ol|figure)>", re.IGNORECASE)
_LINE_BREAK = re.compile(r"<br\s*/?>|</li>|</td>|</th>|</figcaption>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)
_LINK = re.compile(r'<a\s[^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)


def absolute_links(body_html):
    """Make the editor's site-relative links and images (/media/…) absolute for an e-mail."""
    return _RELATIVE_LINK.sub(rf"\1{settings.SITE_URL}/", body_html)


def _link_as_text(match):
    url, text = match.group(1), match.group(2)
    return text if url in text else f"{text} ({url})"


def html_to_plain(body_html):
    """A readable plain-text version of a rich-text body: paragraphs, list dashes, link addresses."""
    text = _LINK.sub(_link_as_text, body_html)
    text = _LIST_ITEM.sub("\n- ", text)
    text = _BLOCK_END.sub("\n\n", text)
    text = _LINE_BREAK.sub("\n", text)
    text = html_to_text(text)
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


class IssueContent:
    """What is the same in every copy of a mailing, prepared once per batch run."""

    def __init__(self, issue):
        self.issue = issue
        self.subject = issue.subject
        self.body_html = absolute_links(issue.body)
        self.body_text = html_to_plain(self.body_html)
        self.kind_label = "powiadomienia o nowych wpisach" if issue.kind == issue.Kind.POST_NOTICE else "newsletter"
        self.reply_to = office_reply_to()


def issue_message(content, subscriber, *, test=False):
    """One personal copy of a mailing, with its unsubscribe link and headers (RFC 2369, RFC 8058)."""
    context = {
        "subject": content.subject,
        "body_html": content.body_html,
        "body_text": content.body_text,
        "kind_label": content.kind_label,
        "unsubscribe_url": unsubscribe_url(subscriber) if subscriber.pk else absolute_url(reverse("newsletter:signup")),
        "preferences_url": preferences_url(subscriber) if subscriber.pk else absolute_url(reverse("newsletter:signup")),
        "site_url": settings.SITE_URL,
        "SITE_NAME": settings.SITE_NAME,
        "test": test,
    }
    subject = f"[TEST] {content.subject}" if test else content.subject
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("newsletter/email/issue.txt", context),
        to=[subscriber.email],
        reply_to=content.reply_to,
        headers=list_headers(context["unsubscribe_url"]),
    )
    if subscriber.pk and not test:
        # The same Message-ID for the same copy: should a crash make us hand one
        # copy over twice, mail systems that deduplicate by Message-ID show it once.
        message.extra_headers["Message-ID"] = f"<newsletter-{content.issue.pk}-{subscriber.pk}@{site_host()}>"
    message.attach_alternative(render_to_string("newsletter/email/issue.html", context), "text/html")
    return message


class UrlListHeader(str):
    """A header of ``<URL>`` items (RFC 2369) written as plain ASCII, however long the URL.

    The email package folds a header longer than a line into RFC 2047 encoded words
    (``=?utf-8?q?=3Chttps=3A//...?=``), which mailbox providers cannot read as an address:
    one-click unsubscribe (RFC 8058) breaks at Gmail and Yahoo. A value with a ``name`` is a
    header object to the email package (email.policy.EmailPolicy.header_store_parse), written by
    its own ``fold()``: here each item stays whole, folded only at the whitespace between items.
    """

    def __new__(cls, name, urls):
        # ASCII with nothing that could end an item or the header (iri_to_uri escapes spaces,
        # line breaks, angle brackets and non-ASCII letters; a comma would separate items).
        urls = [iri_to_uri(url).replace(",", "%2C") for url in urls]
        header = super().__new__(cls, ", ".join(f"<{url}>" for url in urls))
        header.name, header.urls = name, urls
        return header

    def __reduce__(self):  # copies and pickles (the locmem mailer deep-copies each message)
        return type(self), (self.name, self.urls)

    def fold(self, *, policy):
        line = f"{self.name}: {self}"
        if len(self.urls) > 1 and len(line) > (policy.max_line_length or len(line)):
            line = f"{self.name}: " + f",{policy.linesep} ".join(f"<{url}>" for url in self.urls)
        return line + policy.linesep


def list_headers(unsubscribe_link):
    return {
        "List-Unsubscribe": UrlListHeader("List-Unsubscribe", [unsubscribe_link]),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{settings.SITE_NAME} <newsletter.{site_host()}>",
        "Auto-Submitted": "auto-generated",
    }


def confirmation_message(subscriber):
    context = {
        "subscriber": subscriber,
        "confirm_url": confirm_url(subscriber),
        "days": settings.NEWSLETTER_CONFIRM_DAYS,
        "site_url": settings.SITE_URL,
        "SITE_NAME": settings.SITE_NAME,
    }
    message = EmailMultiAlternatives(
        subject="Potwierdź zapis na newsletter Partnerstwa Lokalnego",
        body=render_to_string("newsletter/email/confirm.txt", context),
        to=[subscriber.email],
        reply_to=office_reply_to(),
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(render_to_string("newsletter/email/confirm.html", context), "text/html")
    return message


def welcome_message(subscriber):
    """After the double opt-in: what will come, and the subscriber's own page to change it."""
    context = {
        "subscriber": subscriber,
        "preferences_url": preferences_url(subscriber),
        "unsubscribe_url": unsubscribe_url(subscriber),
        "site_url": settings.SITE_URL,
        "SITE_NAME": settings.SITE_NAME,
        "subject": "Witamy w newsletterze Partnerstwa Lokalnego",
    }
    message = EmailMultiAlternatives(
        subject=context["subject"],
        body=render_to_string("newsletter/email/welcome.txt", context),
        to=[subscriber.email],
        reply_to=office_reply_to(),
        headers=list_headers(context["unsubscribe_url"]),
    )
    message.attach_alternative(render_to_string("newsletter/email/welcome.html", context), "text/html")
    return message

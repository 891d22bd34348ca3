"""The newsletter's e-mails: Polish plain text and HTML, absolute links, bulk-mail headers."""

import re
from html.parser import HTMLParser

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from core.links import absolute_url, site_host
from core.markup import check_markup
from core.notify import office_reply_to
from newsletter.tokens import confirm_token, unsubscribe_token


def unsubscribe_url(subscriber):
    return absolute_url(reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)]))


def preferences_url(subscriber):
    """The subscriber's own page for choosing topics (newsletter.preferences)."""
    return absolute_url(reverse("newsletter:preferences", args=[unsubscribe_token(subscriber)]))


def confirm_url(subscriber):
    return absolute_url(reverse("newsletter:confirm", args=[confirm_token(subscriber)]))


_RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")/(?!/)')


def absolute_links(body_html):
    """Make the editor's site-relative links and images (/media/…) absolute for an e-mail."""
    return _RELATIVE_LINK.sub(rf"\1{settings.SITE_URL}/", body_html)


class _PlainText(HTMLParser):
    """Reads a rich-text body as a mail client without HTML should show it.

    Paragraphs, headings, lists, quotes and tables are blocks apart by a blank line; each list
    item is a line of its own („- ” or „1. ”, nested lists indented), a table row a line of cells
    apart by „ | ”; a link is its text with the address after it, unless the text is the address.
    """

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "table", "ul", "ol"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []  # finished lines and "" for a blank line between blocks
        self.line = []
        self.lists = []  # for each open list: its next number, or None for bullets
        self.links = []  # the address of each open link, and where its text starts
        self.quote = 0
        self.row = None  # cells of the open table row
        self.marker = ""  # „- ” or „2. ”, indented, before the open list item's text

    # Lines.

    def _prefix(self):
        return "> " * self.quote

    def _end_line(self):
        text = " ".join("".join(self.line).split())
        self.line = []
        if text:
            self.blocks.append(self._prefix() + self.marker + text)
            self.marker = ""  # kept for a list item whose text comes in a paragraph inside it

    def _blank(self):
        self._end_line()
        if self.blocks and self.blocks[-1] != "":
            self.blocks.append("")

    def _block_edge(self):
        """A blank line between blocks; inside a list, where items are lines, only a new line."""
        if self.lists:
            self._end_line()
        else:
            self._blank()

    # Parsing.

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.BLOCKS:
            self._block_edge()
        if tag == "br":
            self._end_line()
        elif tag in {"ul", "ol"}:
            self._end_line()
            self.lists.append(int(attrs.get("start") or 1) if tag == "ol" else None)
        elif tag == "li":
            self._end_line()
            indent = "  " * (len(self.lists) - 1)
            number = self.lists[-1] if self.lists else None
            if number is None:
                self.marker = f"{indent}- "
            else:
                self.marker = f"{indent}{number}. "
                self.lists[-1] = number + 1
        elif tag == "blockquote":
            self.quote += 1
        elif tag == "tr":
            self._end_line()
            self.row = []
        elif tag in {"td", "th"}:
            self.line = []
        elif tag == "figcaption":
            self._end_line()
        elif tag == "a":
            self.links.append((attrs.get("href") or "", len(self.line)))
        elif tag == "img" and (attrs.get("alt") or "").strip():
            self.line.append(f"[{attrs['alt'].strip()}]")

    def handle_endtag(self, tag):
        if tag == "a" and self.links:
            href, start = self.links.pop()
            text = " ".join("".join(self.line[start:]).split())
            address = href.removeprefix("mailto:")
            if address and address not in text:
                self.line.append(f" ({address})")
        elif tag in {"td", "th"} and self.row is not None:
            self.row.append(" ".join("".join(self.line).split()))
            self.line = []
        elif tag == "tr" and self.row is not None:
            self.line = [" | ".join(cell for cell in self.row if cell)]
            self.row = None
            self._end_line()
        elif tag in {"ul", "ol"} and self.lists:
            self._end_line()
            self.lists.pop()
            if not self.lists:
                self._blank()
        elif tag == "li":
            self._end_line()
        elif tag == "blockquote":
            self._end_line()
            self.quote = max(0, self.quote - 1)
            self._blank()
        elif tag in self.BLOCKS or tag == "figcaption":
            self._block_edge()

    def handle_data(self, data):
        self.line.append(data.replace("\xa0", " "))

    def text(self):
        self.close()
        self._end_line()
        return "\n".join(self.blocks).strip()


def html_to_plain(body_html):
    """A readable plain-text version of a rich-text body: blocks apart, list items as lines, link addresses."""
    check_markup(body_html or "")  # saved bodies are within the bounds (core/markup.py)
    reader = _PlainText()
    reader.feed(body_html or "")
    return reader.text()


class IssueContent:
    """What is the same in every copy of a mailing, prepared once per batch run."""

    def __init__(self, issue):
        self.issue = issue
        self.subject = issue.subject
        self.body_html = absolute_links(issue.body)
        self.body_text = html_to_plain(self.body_html)
        self.kind_label = "powiadomienia o nowych wpisach" if issue.kind == issue.Kind.POST_NOTICE else "newsletter"
        self.reply_to = office_reply_to()


# The preview's stand-in for a subscriber's signed token: no signature, so the pages it opens
# answer „link nieprawidłowy” and no real subscriber's link is ever shown to staff.
SAMPLE_TOKEN = "przykladowy-link"


def issue_message(content, subscriber, *, test=False, sample_links=False):
    """One personal copy of a mailing, with its unsubscribe link and headers (RFC 2369, RFC 8058).

    ``sample_links``: the personal links carry SAMPLE_TOKEN (the preview in the admin).
    """
    if sample_links:
        unsubscribe = absolute_url(reverse("newsletter:unsubscribe", args=[SAMPLE_TOKEN]))
        preferences = absolute_url(reverse("newsletter:preferences", args=[SAMPLE_TOKEN]))
    elif subscriber.pk:
        unsubscribe, preferences = unsubscribe_url(subscriber), preferences_url(subscriber)
    else:
        unsubscribe = preferences = absolute_url(reverse("newsletter:signup"))
    context = {
        "subject": content.subject,
        "body_html": content.body_html,
        "body_text": content.body_text,
        "kind_label": content.kind_label,
        "unsubscribe_url": unsubscribe,
        "preferences_url": preferences,
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

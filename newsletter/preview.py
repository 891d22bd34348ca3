"""A mailing as a subscriber will read it, shown to staff in the browser (the admin's preview).

The message is built by the same code as every sent copy (newsletter/mail.py), for a sample
subscriber whose personal links are samples. Its HTML part is served as a document of its own,
framed by the admin's preview page only: the e-mail's inline styles are allowed by their hashes
(nothing else inline), it runs no script and may not be framed by any other site.
"""

import base64
import hashlib
import html
import re
from urllib.parse import urlsplit

from django.conf import settings

from newsletter.mail import IssueContent, issue_message
from newsletter.models import Subscriber

SAMPLE_ADDRESS = "adres.subskrybenta@example.com"

_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle=(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def preview_message(issue):
    return issue_message(IssueContent(issue), Subscriber(email=SAMPLE_ADDRESS), sample_links=True)


def html_part(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def _hash(text):
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return f"'sha256-{digest}'"


def content_security_policy(document):
    """The policy of the preview document: its own styles (by hash), images of the portal, no script."""
    styles = {_hash(match) for match in _STYLE_ELEMENT.findall(document)}
    styles |= {_hash(html.unescape(a or b)) for a, b in _STYLE_ATTRIBUTE.findall(document)}
    site = urlsplit(settings.SITE_URL)
    images = ["'self'", "data:", f"{site.scheme}://{site.netloc}", *settings.MEDIA_ORIGINS]
    directives = {
        "default-src": ["'none'"],
        "style-src": ["'unsafe-hashes'", *sorted(styles)],
        "img-src": images,
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
        "frame-ancestors": ["'self'"],
        # Links open in a new tab (the document's <base target="_blank">), never inside the frame.
        "sandbox": ["allow-popups", "allow-popups-to-escape-sandbox"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def framed_document(message):
    """The HTML part with one addition that changes nothing of its look: links open a new tab."""
    return html_part(message).replace("<head>", '<head>\n<base target="_blank">', 1)

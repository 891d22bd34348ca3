"""The one HTML sanitizer for rich text written in CKEditor 5.

Bodies are cleaned when they are saved and again when they are shown, so a
row written around the model (SQL, a fixture, an old version of this list)
still cannot carry a script to a reader.
"""

from html import unescape

import nh3

TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "hr", "span",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html):
    """Return ``html`` with everything outside the allow-list removed."""
    if not html:
        return ""
    html = html.replace("\x00", "")
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def html_to_text(html):
    """Plain text of a rich-text body, for leads, feeds, calendars, e-mails and search.

    Entities are decoded („&amp;” becomes „&”): the result is text, escaped
    again wherever it is output.
    """
    text = nh3.clean(html or "", tags=set(), strip_comments=True)
    return unescape(text).replace("\xa0", " ").strip()

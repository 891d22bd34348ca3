"""The one HTML sanitizer for rich text written in CKEditor 5.

Bodies are cleaned when they are saved and again when they are shown, so a
row written around the model (SQL, a fixture, an old version of this list)
still cannot carry a script to a reader. Cleaning starts only for a text within
the bounds of core/markup.py (size, nesting, elements), checked in one linear
pass: the cleaner's own cost grows faster than the text.
"""

import logging
import re
from html import unescape

import nh3

from core.markup import MarkupTooComplex, check_markup

logger = logging.getLogger(__name__)

TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "hr",
    "span",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed"},
}
# CKEditor 5 tells a block image (and a table) from an inline one by the class of its <figure>:
# without "image", a saved <figure><img><figcaption> comes back into the editor as an inline
# image and its caption as a paragraph. "image-decorative" marks an image staff chose to hide
# from screen readers (the „Obraz ozdobny” button; core/content_checks.py).
# (class must not also be listed in ATTRIBUTES for these tags: nh3 panics.)
DECORATIVE_CLASS = "image-decorative"
# The widths staff pick in the editor, as classes (static/js/editor-image-sizes.js): the inline
# style CKEditor would write is blocked by the CSP and stripped here.
IMAGE_WIDTH_CLASSES = {"image-width-25", "image-width-50", "image-width-75"}
CLASSES = {
    "figure": {
        "image",
        "table",
        "image-style-side",
        "image-style-block-align-left",
        "image-style-block-align-right",
        DECORATIVE_CLASS,
        *IMAGE_WIDTH_CLASSES,
    },
    "img": {DECORATIVE_CLASS, *IMAGE_WIDTH_CLASSES},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html):
    """Return ``html`` with everything outside the allow-list removed.

    Raises MarkupTooComplex, with a Polish message, for a text above the bounds (before cleaning
    it) or one whose cleaned form would be (the parser may add elements): what is saved can always
    be cleaned again when it is shown.
    """
    if not html:
        return ""
    html = html.replace("\x00", "")
    check_markup(html)
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        allowed_classes=CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    # nh3 leaves class="" where it removed every class of a tag.
    cleaned = _EMPTY_CLASS_RE.sub(r"\1", cleaned)
    check_markup(cleaned)
    return cleaned


def shown_html(html):
    """``html`` cleaned for a page or a feed.

    A text above the bounds can only have been written around the model (saving refuses it): it
    shows as nothing, and the log says where to look.
    """
    try:
        return clean_html(html)
    except MarkupTooComplex as error:
        logger.warning("Rich text above the bounds not shown (%s characters): %s", len(html), error.message)
        return ""


_EMPTY_CLASS_RE = re.compile(r'(<[a-z][a-z0-9]*\b[^<>]*?) class=""')

# Tags that end a line of text: without a break, „<h2>Cele</h2><p>Partnerstwo”
# would become one word „CelePartnerstwo”.
_BLOCK_TAG_RE = re.compile(
    r"<(?:/?(?:p|h[1-6]|li|ul|ol|blockquote|figure|figcaption|table|tr|td|th|caption|div)|br|hr)\b"
)


def html_to_text(html):
    """Plain text of a rich-text body, for leads, feeds, calendars, e-mails and search.

    Entities are decoded („&amp;” becomes „&”): the result is text, escaped
    again wherever it is output. Paragraphs, headings, list items and table
    cells become lines of their own.
    """
    try:
        check_markup(html or "")
    except MarkupTooComplex as error:  # only a text written around the model (saving refuses it)
        logger.warning("Rich text above the bounds not read (%s characters): %s", len(html), error.message)
        return ""
    html = _BLOCK_TAG_RE.sub(lambda m: "\n" + m.group(0), " ".join((html or "").split()))
    text = unescape(nh3.clean(html, tags=set(), strip_comments=True)).replace("\xa0", " ")
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)

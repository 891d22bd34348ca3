"""Words of a text, and a highlighted fragment of it ready for the template.

Diacritics are not folded here: PostgreSQL's ``unaccent`` does it, in the
text search configuration ``simple_unaccent`` (see the migrations) and in the
word list's ``folded`` column, so „Łódź” and „lodz” meet in one place.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

WORD_RE = re.compile(r"\w+")

# ts_headline wraps matches in these; they cannot occur in indexed text
# (search/index.py removes control characters), so escaping the fragment
# and then turning them into <mark> is safe.
START_MARK, STOP_MARK = "\x02", "\x03"
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAK_RE = re.compile(r"\s*\n\s*")


def words(text):
    """The words of ``text`` in lower case, in order: „Rynek pracy” → ["rynek", "pracy"]."""
    return WORD_RE.findall(text.lower())


def without_control_characters(text):
    return _CONTROL_RE.sub("", text)


def edit_distance_at_most_one(a, b):
    """True when b is a or differs from it by one letter (added, removed, changed or swapped)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return (
        a[i + 1 :] == b[i + 1 :]
        or a[i + 1 :] == b[i:]
        or a[i:] == b[i + 1 :]
        or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
    )


# A line ending in one of these runs on into the next with a space: a sentence, or a list of
# names that carries its own commas („Artur Ciecierski,”); no separator is added after them.
RUNS_ON = ".!?:;…,–—-("
SENTENCE_END = ".!?…"
# ts_headline joins the passages it picks with this (search/views.py).
FRAGMENT_DELIMITER = " … "


def _join_lines(match):
    # A line that ends a sentence (or a listed name's comma) is followed by a space; a heading or
    # a list item (no full stop) by a middle dot, so it does not run into the next line.
    before = match.string[: match.start()].rstrip()
    return " " if not before or before[-1] in RUNS_ON else " · "


def _plain(fragment):
    return fragment.replace(START_MARK, "").replace(STOP_MARK, "").strip()


def _cut_before(plain, text):
    """Whether ``plain`` starts inside a sentence of ``text`` (not at its start or a line's)."""
    at = text.find(plain)
    if at == -1:  # not found as it is: judge by its first letter
        return plain[:1].islower()
    before = text[:at].rstrip(" \t")
    return bool(before) and before[-1] not in SENTENCE_END + "\n"


_SENTENCE_END_RE = re.compile(r"[.!?…]+(?=\s|$)")


def _ending(plain, text):
    """What ends the passage ``plain`` of ``text``: "" at a line's end, the sentence's own full stop
    (ts_headline leaves it out), or " …" inside a sentence."""
    if plain[-1:] in SENTENCE_END:
        return ""
    at = text.find(plain)
    if at == -1:
        return " …"
    after = text[at + len(plain) :].lstrip(" \t")
    if not after or after[0] == "\n":
        return ""
    stop = _SENTENCE_END_RE.match(after)
    return stop.group(0) if stop else " …"


def highlighted(headline, text=""):
    """HTML of a ts_headline result: text escaped, matches in <mark>, lines kept apart.

    ``text`` is the document's text the headline was cut from: a passage that starts or stops
    inside a sentence gets an ellipsis there, as it does between two passages.
    """
    headline = headline.strip()
    if not headline:
        return ""
    fragments = headline.split(FRAGMENT_DELIMITER)
    if _cut_before(_plain(fragments[0]), text):
        headline = "… " + headline
    headline += _ending(_plain(fragments[-1]), text)
    html = escape(_LINE_BREAK_RE.sub(_join_lines, headline))
    return mark_safe(html.replace(START_MARK, "<mark>").replace(STOP_MARK, "</mark>"))

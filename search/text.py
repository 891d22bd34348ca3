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


def _join_lines(match):
    # A line that ends a sentence is followed by a space; a heading or a list
    # item (no full stop) by a middle dot, so it does not run into the next line.
    before = match.string[: match.start()].rstrip()
    return " " if not before or before[-1] in ".!?:;…" else " · "


def highlighted(headline):
    """HTML of a ts_headline result: text escaped, matches in <mark>, lines kept apart."""
    html = escape(_LINE_BREAK_RE.sub(_join_lines, headline.strip()))
    return mark_safe(html.replace(START_MARK, "<mark>").replace(STOP_MARK, "</mark>"))

"""Folding Polish text for search: „Łódź” and „lodz” become the same word."""

import re
import unicodedata

_EXTRA = str.maketrans({"ł": "l", "Ł": "l", "ß": "s", "æ": "a", "ø": "o", "đ": "d"})
WORD_RE = re.compile(r"\w+", re.UNICODE)


def fold_char(ch):
    base = unicodedata.normalize("NFKD", ch.translate(_EXTRA))
    base = "".join(c for c in base if not unicodedata.combining(c))
    return (base[:1] or ch).lower()


def fold(text):
    """Lower-case, diacritics removed, one character for one character (positions stay valid)."""
    return "".join(fold_char(ch) for ch in text)


def words(text):
    return WORD_RE.findall(fold(text))


def fragment(text, query_words, width=220):
    """A piece of ``text`` around the first match, with matches wrapped as (before, match, after) parts.

    Returns a list of (is_match, text) pairs for the template to wrap in <mark>.
    """
    folded = fold(text)
    spans = []
    for word in query_words:
        if len(word) < 2:
            continue
        for m in re.finditer(re.escape(word), folded):
            spans.append((m.start(), m.end()))
    spans.sort()
    if spans:
        start = max(0, spans[0][0] - width // 3)
    else:
        start = 0
    end = min(len(text), start + width)
    if start > 0:
        # begin at a word boundary
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    parts, pos = [], start
    for s, e in spans:
        if s < pos or s >= end:
            continue
        e = min(e, end)
        if s > pos:
            parts.append((False, text[pos:s]))
        parts.append((True, text[s:e]))
        pos = e
    if pos < end:
        parts.append((False, text[pos:end]))
    if start > 0:
        parts.insert(0, (False, "…"))
    if end < len(text):
        parts.append((False, "…"))
    return parts

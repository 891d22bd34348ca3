"""Readable differences between two versions, for the admin's compare page.

Rich text is compared as the text a reader sees: tags are stripped, each block (paragraph,
heading, list item, table row) becomes a line, and the words that changed are marked with
<ins> and <del>. The marks carry words as well as colour („usunięto”/„dodano” read out by
screen readers, a legend on the page), so the difference never depends on colour alone.
"""

import difflib
import re
from html import unescape
from html.parser import HTMLParser

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

BLOCKS = {
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "table",
    "ul",
    "ol",
}
# Words, runs of punctuation and runs of spaces: „maja.” → „maja”, „.”.
WORD = re.compile(r"\s+|\w+|[^\w\s]+")
# Lines sharing this share of their words count as one line edited, not one removed and one added.
SIMILAR = 0.4


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.current = [], []

    def _break(self):
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._break()
        if tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.current.append(f" [obraz: {alt}] ")
            else:  # an empty alt marks an image as decorative; no alt at all is a missing description
                self.current.append(" [obraz ozdobny] " if alt == "" else " [obraz bez opisu] ")

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._break()

    def handle_data(self, data):
        self.current.append(data)


def html_to_text(html):
    """The text of a piece of rich text, one line per block; images as „[obraz: alt]”."""
    parser = _Text()
    parser.feed(html or "")
    parser.close()
    parser._break()
    return "\n".join(parser.lines)


def plain_lines(text):
    return [" ".join(line.split()) for line in unescape(text or "").splitlines() if line.strip()]


def _mark(kind, text):
    if kind == "del":
        return format_html('<del><span class="visually-hidden">usunięto: </span>{}</del>', text)
    return format_html('<ins><span class="visually-hidden">dodano: </span>{}</ins>', text)


def word_diff(old, new):
    """One line's change, word by word, as HTML with <del> and <ins>."""
    a, b = WORD.findall(old), WORD.findall(new)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(format_html("{}", "".join(a[i1:i2])))
            continue
        if op == "replace":  # kept apart by the stylesheet: „15 30”, not „1530”
            old, new = (_marked_words(kind, "".join(t)) for kind, t in (("del", a[i1:i2]), ("ins", b[j1:j2])))
            parts.append(format_html('<span class="diff-replaced">{}{}</span>', old, new))
        elif op == "delete":
            parts.append(_marked_words("del", "".join(a[i1:i2])))
        else:
            parts.append(_marked_words("ins", "".join(b[j1:j2])))
    return mark_safe("".join(parts))


def _marked_words(kind, text):
    """The words marked, the spaces around them left outside the mark."""
    words = text.strip()
    if not words:
        return format_html("{}", text)
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return format_html("{}{}{}", lead, _mark(kind, words), trail)


def line_diff(old_lines, new_lines):
    """Rows of a text's difference: ("same"|"changed"|"removed"|"added", html).

    Lines that were replaced one by one are diffed word by word; whole removed or added
    lines are marked as a whole.
    """
    rows = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows += [("same", format_html("{}", line)) for line in old_lines[i1:i2]]
        elif op == "replace":
            rows += _paired(old_lines[i1:i2], new_lines[j1:j2])
        else:
            rows += [("removed", _mark("del", line)) for line in old_lines[i1:i2]]
            rows += [("added", _mark("ins", line)) for line in new_lines[j1:j2]]
    return rows


def _similar(a, b):
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio() >= SIMILAR


def _paired(old, new):
    """A replaced block: lines that stayed alike are diffed word by word, the rest removed or added."""
    rows, j = [], 0
    for line in old:
        match = next((k for k in range(j, len(new)) if _similar(line, new[k])), None)
        if match is None:
            rows.append(("removed", _mark("del", line)))
            continue
        rows += [("added", _mark("ins", added)) for added in new[j:match]]
        rows.append(("changed", word_diff(line, new[match])))
        j = match + 1
    rows += [("added", _mark("ins", added)) for added in new[j:]]
    return rows


def render_rows(rows):
    return format_html_join("\n", '<p class="diff-{}">{}</p>', rows)

"""How much HTML the portal agrees to clean: the bounds, and a linear scan that enforces them.

The sanitizer (core/sanitize.py, nh3) builds the whole HTML5 tree of a text, and its cost grows
faster than the text in three ways: with the depth of nesting (160,000 nested <div> ran past a
worker's 30 s), with the number of attributes of one tag, and with formatting elements (<b>, <a>…)
left open across a block, which the HTML5 parser copies into every later block (60 KB became
9 MB). So before any cleaning, check_markup() reads the text once, as an HTML5 tokenizer would
(tags, quoted attribute values, comments), and refuses a text above the bounds below. Each is far
above any real page: CKEditor 5 writes properly closed elements, nested a dozen levels at most.

Where the scan cannot tell what the parser will make of the text (inside <script>, <style>, <svg>
and other elements whose content HTML reads in its own way), it assumes the worst: every start
tag after such an element counts as nested, and no end tag closes anything. Staff cannot write
such elements in the editor, and the sanitizer removes them anyway.
"""

import re
from itertools import islice

# The bounds: the one place they are set.
MAX_CHARS = 1_000_000  # characters of HTML (a long report is about 100,000)
MAX_DEPTH = 100  # elements inside one another (CKEditor 5 writes up to about 12)
MAX_ELEMENTS = 50_000  # elements and comments, with the copies the parser may make (a long report: 5,000)
MAX_ATTRIBUTES = 100  # attributes of one tag (CKEditor 5 writes up to 6)

_SPACE = "\t\n\f\r "
# A start or end tag from its name to its ">", attributes read as the HTML5 tokenizer reads them
# (a value in quotes may hold ">"). Possessive quantifiers: the match never backtracks, so reading
# a tag costs its length. No match means a tag (or a quoted value) open until the end of the text.
_TAG_RE = re.compile(
    rf"""
    <(/?)([A-Za-z][^{_SPACE}/>]*+)
    ((?:[{_SPACE}/]*+
        [^{_SPACE}/>][^{_SPACE}/=>]*+
        (?:[{_SPACE}]*+=[{_SPACE}]*+(?:"[^"]*+(?:"|\Z)|'[^']*+(?:'|\Z)|[^{_SPACE}"'>][^{_SPACE}>]*+)?+)?+
    )*+)
    [{_SPACE}/]*+>
    """,
    re.VERBOSE,
)
_ATTRIBUTE_RE = re.compile(
    rf"""[^{_SPACE}/>][^{_SPACE}/=>]*+(?:[{_SPACE}]*+=[{_SPACE}]*+(?:"[^"]*+"|'[^']*+'|[^{_SPACE}>]*+))?+""",
    re.VERBOSE,
)
# Where markup may start: a tag, an end tag, a comment, a doctype or a processing instruction.
_MARKUP_RE = re.compile(r"<[A-Za-z/!?]")
_TAG_START_RE = re.compile(r"<[A-Za-z]")
_SEPARATOR_RE = re.compile(r"[\t\n\f\r /\"']")
# The end of a comment: "-->" or "--!>" after "<!--", or "<!-->" and "<!--->" at once.
_COMMENT_END_RE = re.compile(r"--!?>")
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose content HTML reads in its own way (text, or another language's markup).
OPAQUE = {
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "svg",
    "math",
    "template",
}
# A start tag that ends an open element of these names right above it: <li> after <li>…
CLOSES = {
    "p": {"p"},
    "li": {"li", "p"},
    "dt": {"dt", "dd", "p"},
    "dd": {"dt", "dd", "p"},
    "option": {"option"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
    "thead": {"tr", "td", "th", "tbody", "thead", "tfoot"},
    "tbody": {"tr", "td", "th", "tbody", "thead", "tfoot"},
    "tfoot": {"tr", "td", "th", "tbody", "thead", "tfoot"},
}
# Elements an end tag of an element below them may close (their own end tag is optional).
OPTIONAL_END = {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup"}
# Formatting elements: the HTML5 parser reopens them in every later block when one is left open
# across a block boundary. Inside them, only text-level tags keep the text simple.
FORMATTING = {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"}
TEXT_LEVEL = FORMATTING | {
    "abbr",
    "bdi",
    "bdo",
    "br",
    "cite",
    "data",
    "dfn",
    "img",
    "kbd",
    "mark",
    "q",
    "samp",
    "span",
    "sub",
    "sup",
    "time",
    "var",
    "wbr",
}


class MarkupTooComplex(ValueError):
    """HTML above the bounds; ``message`` says in Polish what to do."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _number(n):
    """1000000 → „1 000 000” (with no-break spaces, as Polish writes numbers)."""
    return f"{n:,}".replace(",", "\xa0")


def too_long(length):
    return MarkupTooComplex(
        f"Tekst jest za długi: liczba znaków to {_number(length)}, a można zapisać najwyżej {_number(MAX_CHARS)}. "
        "Podziel go na kilka stron."
    )


def _too_deep():
    return MarkupTooComplex(
        f"Tekst ma zbyt głęboko zagnieżdżone elementy (ponad {MAX_DEPTH} poziomów jeden w drugim), więc nie "
        "można go sprawdzić ani zapisać. Usuń zbędne zagnieżdżenia albo wklej tekst ponownie jako zwykły tekst."
    )


def _too_many():
    return MarkupTooComplex(
        f"Tekst ma zbyt wiele elementów (akapitów, linków, wyróżnień i innych: ponad {_number(MAX_ELEMENTS)}), "
        "więc nie można go sprawdzić ani zapisać. Podziel go na kilka stron albo usuń zbędne formatowanie."
    )


def _too_many_attributes(name):
    return MarkupTooComplex(
        f"Element „{name[:20]}” ma ponad {MAX_ATTRIBUTES} atrybutów, więc tekstu nie można sprawdzić ani "
        "zapisać. Wklej tekst ponownie jako zwykły tekst."
    )


class _Scan:
    """The open elements as the scan sees them, and what the text costs so far."""

    def __init__(self):
        self.stack = []  # names of the open elements
        self.plain = []  # stack positions of the open formatting elements not yet left open across a block
        self.elements = 0
        self.crossed = 0  # formatting elements left open across a block: each may be copied into every block

    def spend(self, elements):
        self.elements += elements
        if self.elements > MAX_ELEMENTS:
            raise _too_many()

    def cross(self, above=0):
        """Formatting elements open at stack positions from ``above`` up are left open across a block."""
        while self.plain and self.plain[-1] >= above:
            self.plain.pop()
            self.crossed += 1

    def pop_to(self, depth):
        del self.stack[depth:]
        while self.plain and self.plain[-1] >= depth:
            self.plain.pop()

    def start(self, name):
        self.spend(1 + self.crossed)
        closes = CLOSES.get(name, ())
        depth = len(self.stack)
        while depth and self.stack[depth - 1] in closes:
            depth -= 1
        self.pop_to(depth)
        if name not in TEXT_LEVEL:
            self.cross()
        if name in VOID:
            return
        if name in FORMATTING:
            self.plain.append(len(self.stack))
        self.stack.append(name)
        if len(self.stack) > MAX_DEPTH:
            raise _too_deep()

    def end(self, name):
        """An end tag closes its element and any with an optional end tag above it; else nothing."""
        stack, steps = self.stack, 0
        for i in range(len(stack) - 1, -1, -1):
            if _same(stack[i], name):
                if steps == 0 or all(above in OPTIONAL_END for above in stack[i + 1 :]):
                    self.pop_to(i)
                    self.spend(self.crossed)
                    return
                # The parser may close the elements above, or ignore this end tag: the scan keeps
                # them open (deeper, never shallower) and counts their formatting as left open.
                self.cross(i + 1)
                break
            steps += 1
        # Closes nothing here: the walk down the stack is paid for like elements.
        self.spend(1 + steps + self.crossed)


def _same(open_name, end_name):
    """Whether an end tag closes an open element: any heading's end tag closes any heading."""
    return open_name == end_name or (open_name in HEADINGS and end_name in HEADINGS)


def check_markup(html):
    """Raise MarkupTooComplex if ``html`` is above the bounds; cost linear in its length."""
    if len(html) > MAX_CHARS:
        raise too_long(len(html))
    scan = _Scan()
    pos = 0
    while found := _MARKUP_RE.search(html, pos):
        start = found.start()
        kind = html[start + 1]
        if kind in "!?" or (kind == "/" and html[start + 2 : start + 3] not in _LETTERS):
            scan.spend(1 + scan.crossed)
            if html.startswith("<!--", start):
                if html.startswith((">", "->"), start + 4):  # "<!-->" and "<!--->" end at once
                    pos = html.index(">", start + 4) + 1
                    continue
                end = _COMMENT_END_RE.search(html, start + 4)
                pos = end.end() if end else -1
            else:  # a doctype or a bogus comment ("<?…", "</1…"): to the next ">"
                pos = html.find(">", start + 2) + 1 or -1
            if pos < 0:
                return  # open to the end of the text
            continue
        tag = _TAG_RE.match(html, start)
        if tag is None:
            return  # a tag (or a quoted value) open to the end of the text: no more markup
        pos = tag.end()
        name, attributes = tag[2].lower(), tag[3]
        if attributes and _count_attributes(attributes) > MAX_ATTRIBUTES:
            raise _too_many_attributes(name)
        if tag[1]:
            scan.end(name)
        else:
            scan.start(name)
            if name in OPAQUE:
                return _check_opaque_rest(html, pos, len(scan.stack))


def _count_attributes(text):
    """Attributes in the text of a tag after its name, counted up to one over the bound."""
    return sum(1 for _ in islice(_ATTRIBUTE_RE.finditer(text), MAX_ATTRIBUTES + 1))


def _check_opaque_rest(html, pos, depth):
    """The rest of a text after an element whose content HTML reads in its own way.

    The scan cannot tell where such content ends (a comment, a quoted value or "</script>" may or may
    not end it), so it assumes the worst: every "<" and a letter is a start tag nested in the one
    before, and every space, slash or quote between two of them may start an attribute.
    """
    starts = _TAG_START_RE.finditer(html, pos)
    while True:
        following = next(starts, None)
        end = following.start() if following else len(html)
        separators = sum(1 for _ in islice(_SEPARATOR_RE.finditer(html, pos, end), MAX_ATTRIBUTES + 1))
        if separators > MAX_ATTRIBUTES or depth > MAX_DEPTH:
            raise _opaque()
        if following is None:
            return
        depth += 1
        pos = following.end()


def _opaque():
    return MarkupTooComplex(
        "Tekst zawiera elementy, których edytor nie tworzy (np. skrypt, arkusz stylów, grafikę SVG albo ramkę), "
        "a za nimi zbyt wiele treści, by można go było bezpiecznie sprawdzić. Usuń te elementy albo wklej tekst "
        "ponownie jako zwykły tekst."
    )

"""Accessibility and readability checks of rich text, as staff write it in CKEditor 5.

One rule set for both places that show it: the admin's save (refusing what breaks access,
warning about the rest; adminsite/content_checks.py) and the panel beside the editor, which
asks the same functions through a small staff-only endpoint while staff type.

Refused (level ERROR):
- an image without a text alternative, unless marked decorative (the „Obraz ozdobny” image
  style, which adds the class ``image-decorative``; such an image is shown with alt=""),
  and a text alternative that is a file name or a filler word („zdjęcie”, „obraz”…);
- a link to a document (.pdf, .docx…) whose text does not give the file's type and size,
  e.g. „Regulamin naboru (PDF, 120 KB)”.
Warned about (level WARNING): headings that skip a level, empty headings, paragraphs in
capitals, link texts that say nothing („tutaj”, „więcej”, a bare address), and text that is
hard to read by FOG-PL.

Every finding names its place as staff count it: „Akapit 3”, „Drugi nagłówek („Cele”)” (not
„Nagłówek 2”, the editor's name of a level), „Obraz 2 („Sala obrad”)” by its text alternative or
„Obraz 2 (plik „sala.jpg”)”, never by the random name of an upload, „Link 4 („tutaj”)”.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat

from core.images import editor_file_label
from core.markup import MarkupTooComplex
from core.sanitize import DECORATIVE_CLASS, clean_html, html_to_text
from core.templatetags.pl import plural_form

ERROR = "error"
WARNING = "warning"

IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif", "tiff", "heic", "avif"}
DOCUMENT_EXTENSIONS = {
    "pdf": "PDF",
    "doc": "DOC",
    "docx": "DOCX",
    "xls": "XLS",
    "xlsx": "XLSX",
    "ppt": "PPT",
    "pptx": "PPTX",
    "odt": "ODT",
    "ods": "ODS",
    "odp": "ODP",
    "rtf": "RTF",
    "zip": "ZIP",
}
# Words that say only that there is a picture.
ALT_FILLERS = {
    "zdjęcie",
    "zdjecie",
    "zdjęcia",
    "fotka",
    "obraz",
    "obrazek",
    "grafika",
    "foto",
    "fotografia",
    "ilustracja",
    "rysunek",
    "image",
    "img",
    "picture",
    "photo",
    "alt",
    "tekst alternatywny",
    "bez tytułu",
}
# A camera's or a phone's name for a file: IMG_1234, DSC01234, PXL_20260101_…, Screenshot 2026…
CAMERA_NAME_RE = re.compile(r"^(img|dsc|dscn|dscf|dcim|pxl|photo|image|zrzut ekranu|screenshot)[\s_-]*\d", re.I)
FILE_NAME_RE = re.compile(rf"\.({'|'.join(sorted(IMAGE_EXTENSIONS))})$", re.I)
# Link texts that say nothing out of context.
VAGUE_LINK_TEXTS = {
    "tutaj",
    "tu",
    "kliknij",
    "kliknij tutaj",
    "kliknij tu",
    "kliknij w link",
    "kliknij link",
    "więcej",
    "czytaj więcej",
    "zobacz więcej",
    "dowiedz się więcej",
    "przeczytaj",
    "czytaj",
    "zobacz",
    "link",
    "ten link",
    "pod tym linkiem",
    "strona",
    "pobierz",
    "szczegóły",
    "here",
    "click here",
    "more",
    "read more",
}
# Files whose size one check asks the storage for (an S3 request each), to suggest the size in
# a refused link's message: a text may link thousands of documents, and the panel asks while
# staff type. Further links get an example size, and the result says so.
MAX_SIZE_LOOKUPS = 10
BARE_URL_RE = re.compile(r"^(https?://|www\.)\S+$", re.I)
# „(PDF, 120 KB)”: the type and the size, in any order, in the link's text or right after it.
SIZE_RE = re.compile(r"\d+(?:[,.]\d+)?\s*(?:[kKMG]i?B|kb|mb|bajt\w*|B)\b")

# Readability (FOG-PL, as Jasnopis computes it).
VOWELS = set("aąeęioóuy")
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
SENTENCE_END_RE = re.compile(r"[.!?…]+(?=\s|$)|\n")
HARD_WORD_SYLLABLES = 4
MIN_WORDS_FOR_READABILITY = 30
# Above this a resident without higher education struggles: the admin says how to simplify.
HARD_TEXT_FOG = 12
# FOG-PL ranges and who reads such a text easily (Jasnopis' scale of education levels).
FOG_LEVELS = [
    (6, "bardzo łatwy", "zrozumiały dla ucznia klas 1–6 szkoły podstawowej"),
    (9, "łatwy", "zrozumiały dla ucznia klas 7–8 szkoły podstawowej"),
    (12, "średnio trudny", "zrozumiały dla ucznia szkoły średniej"),
    (15, "trudny", "zrozumiały dla osób po studiach licencjackich"),
    (17, "bardzo trudny", "zrozumiały dla osób po studiach magisterskich"),
    (None, "bardzo trudny", "zrozumiały dla specjalistów w danej dziedzinie"),
]


@dataclass(frozen=True)
class Finding:
    level: str
    place: str
    message: str

    @property
    def is_error(self):
        return self.level == ERROR

    def __str__(self):
        return f"{self.place}: {self.message}" if self.place else self.message


@dataclass(frozen=True)
class Readability:
    fog: float
    words: int
    sentences: int
    hard_words: int

    @property
    def words_per_sentence(self):
        return self.words / self.sentences

    @property
    def hard_share(self):
        """Per cent of words with four syllables or more."""
        return 100 * self.hard_words / self.words

    @property
    def level(self):
        """(name, who reads it) for this FOG-PL."""
        for top, name, reader in FOG_LEVELS:
            if top is None or round(self.fog) <= top:
                return name, reader
        raise AssertionError("the last level has no top")

    @property
    def is_hard(self):
        return round(self.fog) > HARD_TEXT_FOG

    def summary(self):
        name, reader = self.level
        return f"Czytelność: FOG-PL {_number(self.fog)} – tekst {name}, {reader}."

    def hint(self):
        """What to do about a hard text, or "" for a text easy enough."""
        if not self.is_hard:
            return ""
        return (
            f"Zdania mają średnio {_words(self.words_per_sentence)}, a {_number(self.hard_share)}% wyrazów "
            "ma cztery sylaby lub więcej. Podziel długie zdania i zastąp długie wyrazy krótszymi, "
            "żeby tekst zrozumiało więcej mieszkańców."
        )


@dataclass
class Report:
    findings: list = field(default_factory=list)
    readability: Readability | None = None
    is_empty: bool = False
    # Why the text was not checked at all (above the bounds of core/markup.py), or "".
    refused: str = ""
    # The easy-to-read verdict, for a text meant to be one (ETR); None otherwise.
    easy_to_read: "EasyToRead | None" = None

    @property
    def errors(self):
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self):
        """Warnings, the hard-text hint last."""
        found = [f for f in self.findings if not f.is_error]
        if self.easy_to_read:
            found += self.easy_to_read.findings()
        if self.readability and self.readability.is_hard:
            found.append(Finding(WARNING, "", f"{self.readability.summary()} {self.readability.hint()}"))
        return found


def _number(value):
    """14.26 → „14,3”; 9.0 → „9”."""
    text = f"{value:.1f}".replace(".", ",")
    return text[:-2] if text.endswith(",0") else text


def _words(value):
    """„24,3 słowa” (a fraction takes the genitive singular), „5 słów”, „22 słowa”."""
    shown = _number(value)
    if "," in shown:
        return f"{shown} słowa"
    return f"{shown} {plural_form(int(shown), 'słowo', 'słowa', 'słów')}"


def _files(count):
    """„pierwszych 10 plików”, „pierwszych 2 plików”, „pierwszego pliku”."""
    return "pierwszego pliku" if count == 1 else f"pierwszych {count} plików"


def _short(text, limit=40):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _normal(text):
    """Lower case, no punctuation or extra spaces: „Kliknij TUTAJ!” → "kliknij tutaj"."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


# Structure of the text.


@dataclass
class _Image:
    src: str
    alt: str | None
    decorative: bool


@dataclass
class _Link:
    href: str
    text: str = ""
    after: str = ""  # text right after the link in the same block
    image_alts: list = field(default_factory=list)


@dataclass
class _Block:
    tag: str
    text: str = ""


class _Reader(HTMLParser):
    """Collects the images, links, headings and paragraphs of a body, in order."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "figcaption", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images, self.links, self.blocks = [], [], []
        self._blocks_open = []
        self._link = None
        self._last_link = None
        self._figure_decorative = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "figure":
            self._figure_decorative.append(DECORATIVE_CLASS in classes)
        elif tag == "img":
            decorative = DECORATIVE_CLASS in classes or any(self._figure_decorative)
            self.images.append(_Image(attrs.get("src") or "", attrs.get("alt"), decorative))
            if self._link is not None and attrs.get("alt"):
                self._link.image_alts.append(attrs["alt"])
        elif tag == "a" and attrs.get("href"):
            self._link = _Link(attrs["href"])
            self.links.append(self._link)
        elif tag == "br":
            self.handle_data(" ")
        if tag in self.BLOCKS:
            block = _Block(tag)
            self._blocks_open.append(block)
            if tag not in {"li", "td", "th", "blockquote"}:  # containers whose own paragraphs are counted
                self.blocks.append(block)
            self._last_link = None

    def handle_endtag(self, tag):
        if tag == "figure" and self._figure_decorative:
            self._figure_decorative.pop()
        elif tag == "a" and self._link is not None:
            self._last_link, self._link = self._link, None
        if tag in self.BLOCKS and self._blocks_open:
            for i in range(len(self._blocks_open) - 1, -1, -1):
                if self._blocks_open[i].tag == tag:
                    del self._blocks_open[i:]
                    break
            self._last_link = None

    def handle_data(self, data):
        if self._blocks_open:
            self._blocks_open[-1].text += data
        if self._link is not None:
            self._link.text += data
        elif self._last_link is not None and len(self._last_link.after) < 60:
            self._last_link.after += data


def _read(html):
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


# The rules.


def _image_name(src):
    name = editor_file_label(unquote(PurePosixPath(urlsplit(src).path).name))
    return name or "bez pliku"


# Names the portal gives uploads (core/images.py: a random hex), with Django's suffix for a taken name.
RANDOM_NAME_RE = re.compile(r"[0-9a-f]{8}-?(?:[0-9a-f]{4}-?){3}[0-9a-f]{12}(?:_[A-Za-z0-9]{7})?", re.IGNORECASE)


def _says_nothing(alt, name):
    """Whether a text alternative is a file name or a filler word („zdjęcie”): refused below."""
    return bool(
        FILE_NAME_RE.search(alt)
        or CAMERA_NAME_RE.match(alt)
        or _normal(alt) == _normal(name.rsplit(".", 1)[0])
        or _normal(re.sub(r"\d+", " ", alt)) in ALT_FILLERS
    )


def _image_place(number, image, name):
    """„Obraz 2 („Sala obrad”)” by its text alternative, else „Obraz 2 (plik „sala.jpg”)”.

    The random name of an upload means nothing to staff: such an image is only „Obraz 2”.
    """
    alt = (image.alt or "").strip()
    if alt and not image.decorative and not _says_nothing(alt, name):
        return f"Obraz {number} („{_short(alt)}”)"
    if name == "bez pliku" or RANDOM_NAME_RE.fullmatch(name.rsplit(".", 1)[0]):
        return f"Obraz {number}"
    return f"Obraz {number} (plik „{_short(name, 30)}”)"


def check_images(images):
    findings = []
    for number, image in enumerate(images, 1):
        name = _image_name(image.src)
        place = _image_place(number, image, name)
        alt = (image.alt or "").strip()
        if image.decorative:
            if alt:
                findings.append(
                    Finding(
                        WARNING,
                        place,
                        "obraz oznaczono jako ozdobny, a ma tekst alternatywny – czytniki ekranu go pominą. "
                        "Usuń tekst albo zdejmij oznaczenie „Obraz ozdobny”, jeśli obraz niesie informację.",
                    )
                )
            continue
        if not alt:
            findings.append(
                Finding(
                    ERROR,
                    place,
                    "brak tekstu alternatywnego. Opisz, co przedstawia obraz (przycisk „Zmień tekst alternatywny” "
                    "na pasku obrazu), albo – gdy obraz jest tylko ozdobą – oznacz go przyciskiem „Obraz ozdobny”.",
                )
            )
        elif FILE_NAME_RE.search(alt) or CAMERA_NAME_RE.match(alt) or _normal(alt) == _normal(name.rsplit(".", 1)[0]):
            findings.append(
                Finding(
                    ERROR,
                    place,
                    f"tekst alternatywny „{_short(alt)}” to nazwa pliku. Opisz, co przedstawia obraz.",
                )
            )
        elif _normal(re.sub(r"\d+", " ", alt)) in ALT_FILLERS:
            findings.append(
                Finding(
                    ERROR,
                    place,
                    f"tekst alternatywny „{_short(alt)}” mówi tylko, że to obraz. Opisz, co przedstawia, "
                    "np. „Uczestnicy spotkania w sali konferencyjnej starostwa”.",
                )
            )
    return findings


def document_type(href):
    """„PDF” for a link to a document, None for any other link."""
    path = urlsplit(href).path
    extension = PurePosixPath(unquote(path)).suffix.lower().lstrip(".")
    return DOCUMENT_EXTENSIONS.get(extension)


def _media_name(href):
    """The storage name of an uploaded file the link points to (under MEDIA_URL), or None."""
    path = urlsplit(href).path
    media = settings.MEDIA_URL
    if not media.startswith("/") or not path.startswith(media):
        return None
    name = unquote(path[len(media) :])
    if not name or ".." in PurePosixPath(name).parts:
        return None
    return name


# Addresses outside MEDIA_URL that serve files whose sizes the portal knows: a path prefix and
# a function(path) -> size or None. The library registers /dokumenty/ (library/apps.py).
_sized_addresses = {}


def sizes_known_at(prefix, size_of_path):
    """Tell the checks where to find the size of files linked under ``prefix``."""
    _sized_addresses[prefix] = size_of_path


def _registered(href):
    """(path, function) of a link under a registered prefix, or None."""
    path = unquote(urlsplit(href).path)
    for prefix, size_of_path in _sized_addresses.items():
        if path.startswith(prefix):
            return path, size_of_path
    return None


def stored_size(href):
    """The size of an uploaded file the link points to (under MEDIA_URL or a registered prefix), or None."""
    registered = _registered(href)
    if registered is not None:
        path, size_of_path = registered
        return size_of_path(path)
    name = _media_name(href)
    if name is None:
        return None
    try:
        return default_storage.size(name)
    except (OSError, ValueError, NotImplementedError):
        return None
    except Exception:  # a remote storage's own errors (S3): no size, no suggestion
        return None


class _Sizes:
    """``size_of`` for one check: each file asked once, and at most MAX_SIZE_LOOKUPS files."""

    def __init__(self, size_of):
        self.size_of = size_of
        self.known = {}
        self.skipped = 0

    def __call__(self, href):
        registered = _registered(href)
        name = registered[0] if registered else _media_name(href)
        if name is None:
            return None
        if name not in self.known:
            if len(self.known) >= MAX_SIZE_LOOKUPS:
                self.skipped += 1
                return None
            self.known[name] = self.size_of(href)
        return self.known[name]


def _says_type_and_size(text, kind):
    return bool(re.search(rf"\b{kind}\b", text, re.I)) and bool(SIZE_RE.search(text))


def check_links(links, size_of=stored_size):
    findings = []
    size_of = _Sizes(size_of)
    for number, link in enumerate(links, 1):
        text = " ".join(link.text.split())
        shown = text or " ".join(link.image_alts)
        place = f"Link {number} („{_short(shown)}”)" if shown else f"Link {number}"
        kind = document_type(link.href)
        if kind and not (_says_type_and_size(text, kind) or _says_type_and_size(link.after[:40], kind)):
            size = size_of(link.href)
            example = f"({kind}, {filesizeformat(size)})" if size else f"({kind}, 120 KB)"
            findings.append(
                Finding(
                    ERROR,
                    place,
                    f"link prowadzi do dokumentu, ale nie podaje jego rodzaju i rozmiaru. Dopisz je w treści linku, "
                    f"np. „{_short(text or 'Regulamin naboru', 30)} {example}”.",
                )
            )
        if not shown:
            findings.append(Finding(WARNING, place, "link nie ma tekstu. Napisz, dokąd prowadzi."))
        elif _normal(text) in VAGUE_LINK_TEXTS:
            findings.append(
                Finding(
                    WARNING,
                    place,
                    "tekst linku nie mówi, dokąd link prowadzi. Napisz to wprost, np. „formularz zgłoszenia” "
                    "zamiast „tutaj”.",
                )
            )
        elif BARE_URL_RE.match(text):
            findings.append(
                Finding(
                    WARNING,
                    place,
                    "tekst linku to sam adres, który czytnik ekranu przeczyta znak po znaku. "
                    "Napisz, dokąd link prowadzi, np. „strona Powiatowego Urzędu Pracy”.",
                )
            )
    if size_of.skipped:
        findings.append(
            Finding(
                WARNING,
                "",
                f"Rozmiar pliku sprawdzono dla {_files(MAX_SIZE_LOOKUPS)}. W podpowiedziach do dalszych linków "
                "podano przykładowy rozmiar: sprawdź prawdziwy przy każdym pliku.",
            )
        )
    return findings


ORDINALS = ["pierwszy", "drugi", "trzeci", "czwarty", "piąty", "szósty", "siódmy", "ósmy", "dziewiąty", "dziesiąty"]


def check_blocks(blocks):
    findings = []
    paragraphs = headings = 0
    previous_level = 1  # the page's own title is the h1
    for block in blocks:
        text = " ".join(block.text.split())
        if block.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            headings += 1
            level = int(block.tag[1])
            # Counted in words: „Nagłówek 2” is the editor's name of a level, not a place.
            if headings <= len(ORDINALS):
                nth = f"{ORDINALS[headings - 1].capitalize()} nagłówek"
            else:
                nth = f"Nagłówek nr {headings}"
            place = f"{nth} („{_short(text)}”)" if text else nth
            if not text:
                findings.append(Finding(WARNING, place, "jest pusty. Wpisz jego treść albo zmień go w akapit."))
                continue
            if level > previous_level + 1:
                findings.append(
                    Finding(
                        WARNING,
                        place,
                        f"ma poziom {level}, a {'tytuł' if previous_level == 1 else 'nagłówek przed nim'} – "
                        f"poziom {previous_level}. Wybierz w edytorze „Nagłówek {previous_level + 1}”, "
                        "żeby spis treści czytnika ekranu był ciągły.",
                    )
                )
            previous_level = level
        elif block.tag == "p":
            paragraphs += 1
            letters = [c for c in text if c.isalpha()]
            if len(letters) >= 12 and len(text.split()) >= 2 and all(c.isupper() for c in letters):
                findings.append(
                    Finding(
                        WARNING,
                        f"Akapit {paragraphs} („{_short(text)}”)",
                        "akapit napisano wielkimi literami: czyta się go trudniej, a czytnik ekranu może go "
                        "literować. Napisz go zwykłymi literami, a ważne słowa wyróżnij pogrubieniem.",
                    )
                )
    return findings


def syllables(word):
    """Polish syllables of ``word``: its vowels (a ą e ę i o ó u y), „i” before a vowel not counted.

    „nie” → 1 („i” only softens the „n”), „partnerstwo” → 3, „powiatowy” → 4, „nauka” → 3.
    """
    word = word.lower()
    count = 0
    for i, char in enumerate(word):
        if char not in VOWELS:
            continue
        if char == "i" and i + 1 < len(word) and word[i + 1] in VOWELS:
            continue
        count += 1
    return count


def readability(text):
    """FOG-PL of plain ``text``, or None when it is too short for the figure to mean anything.

    FOG-PL = 0.4 × (words per sentence + per cent of words of four syllables or more).
    """
    words = WORD_RE.findall(text)
    if len(words) < MIN_WORDS_FOR_READABILITY:
        return None
    sentences = [s for s in SENTENCE_END_RE.split(text) if WORD_RE.search(s)]
    hard = sum(1 for w in words if syllables(w) >= HARD_WORD_SYLLABLES)
    count = max(len(sentences), 1)
    fog = 0.4 * (len(words) / count + 100 * hard / len(words))
    return Readability(fog=fog, words=len(words), sentences=count, hard_words=hard)


# Easy-to-read text (tekst łatwy do czytania, ETR), by the rules Polish public bodies follow
# (Inclusion Europe's „Information for all” standards, in Polish „Informacja dla wszystkich”):
# short sentences with one idea each, short common words, the active voice. The checks are
# heuristics that point staff at the places to look at; a person still reads the text.
ETR_MAX_SENTENCE_WORDS = 15
# A rich-text field meant as an easy-to-read text carries this attribute on its admin widget,
# e.g. CKEditor5Widget(attrs={EASY_TO_READ_ATTR: "1"}): its checks add the ETR verdict.
EASY_TO_READ_ATTR = "data-easy-to-read"
ETR_LONG_WORD_SYLLABLES = 5
ETR_SHOWN = 3  # examples named per kind of finding
# The passive voice: a form of „zostać” next to a passive participle („został podpisany”).
ZOSTAC_FORMS = {
    "zostać",
    "zostanie",
    "zostaną",
    "został",
    "została",
    "zostało",
    "zostali",
    "zostały",
    "zostaje",
    "zostają",
    "zostałby",
    "zostałaby",
    "zostałoby",
    "zostaliby",
    "zostałyby",
    "zostań",
}
PARTICIPLE_RE = re.compile(r"(?:[nt][aeiy]|on[aey]|eni|ęci|ęt[aey])$")


@dataclass(frozen=True)
class EasyToRead:
    """The ETR verdict on a text: what breaks the rules, with a few examples of each."""

    sentences: int
    long_sentences: list
    long_words: list
    passive: list

    @property
    def ok(self):
        return not (self.long_sentences or self.long_words or self.passive)

    def verdict(self):
        if self.ok:
            return (
                f"Tekst łatwy do czytania: zgodny z zasadami ETR – zdania mają najwyżej "
                f"{ETR_MAX_SENTENCE_WORDS} słów, bez bardzo długich wyrazów i strony biernej."
            )
        return "Tekst łatwy do czytania: wymaga poprawek według zasad ETR (szczegóły w uwagach)."

    def findings(self):
        found = []
        if self.long_sentences:
            n = len(self.long_sentences)
            examples = "; ".join(f"„{_short(s)}”" for s in self.long_sentences[:ETR_SHOWN])
            found.append(
                Finding(
                    WARNING,
                    "ETR",
                    f"{n} {plural_form(n, 'zdanie ma', 'zdania mają', 'zdań ma')} więcej niż "
                    f"{ETR_MAX_SENTENCE_WORDS} słów: {examples}. Podziel je na krótsze – jedna myśl w jednym zdaniu.",
                )
            )
        if self.long_words:
            words = ", ".join(f"„{w}”" for w in self.long_words[:ETR_SHOWN])
            found.append(
                Finding(
                    WARNING,
                    "ETR",
                    f"Bardzo długie wyrazy: {words}. Użyj krótszych, codziennych słów albo wyjaśnij je w tekście.",
                )
            )
        if self.passive:
            examples = ", ".join(f"„{p}”" for p in self.passive[:ETR_SHOWN])
            found.append(
                Finding(
                    WARNING,
                    "ETR",
                    f"Strona bierna: {examples}. Napisz, kto coś robi, np. „Starosta podpisał porozumienie”.",
                )
            )
        return found


def easy_to_read(text):
    """The ETR verdict on plain ``text`` (None for an empty text)."""
    sentences = [s.strip() for s in SENTENCE_END_RE.split(text) if WORD_RE.search(s)]
    if not sentences:
        return None
    # A long word the text explains („Porozumienie to umowa…”) is a term taught, not a barrier.
    explained = {m.group(1).lower() for s in sentences if (m := re.match(r"([^\W\d_]+) (?:to|jest to|oznacza) ", s))}
    long_sentences, long_words, passive = [], [], []
    for sentence in sentences:
        words = WORD_RE.findall(sentence)
        if len(words) > ETR_MAX_SENTENCE_WORDS:
            long_sentences.append(sentence)
        for word in words:
            # A hyphenated compound („społeczno-gospodarczy”) is judged by its longest part.
            if max(syllables(part) for part in word.split("-")) >= ETR_LONG_WORD_SYLLABLES or syllables(word) > 6:
                if word.lower() not in explained and word.lower() not in (w.lower() for w in long_words):
                    long_words.append(word)
        lowered = [w.lower() for w in words]
        for i, word in enumerate(lowered):
            if word in ZOSTAC_FORMS:
                near = lowered[max(i - 2, 0) : i] + lowered[i + 1 : i + 3]
                participle = next((w for w in near if len(w) > 4 and PARTICIPLE_RE.search(w)), None)
                if participle:
                    passive.append(f"{words[i]} {words[lowered.index(participle)]}")
    return EasyToRead(len(sentences), long_sentences, long_words, passive)


def check_html(html, *, size_of=stored_size, etr=False):
    """Every finding about a rich-text body, as it will be saved (sanitized first).

    A text above the bounds of core/markup.py is not cleaned nor checked: its one finding, an
    error, says so (the save is refused with it, and what was typed stays in the form).
    """
    try:
        html = clean_html(html or "")
    except MarkupTooComplex as error:
        return Report(findings=[Finding(ERROR, "", error.message)], refused=error.message)
    reader = _read(html)
    findings = [*check_images(reader.images), *check_links(reader.links, size_of), *check_blocks(reader.blocks)]
    text = html_to_text(html)
    return Report(
        findings=findings,
        readability=readability(text),
        is_empty=not text and not reader.images,
        easy_to_read=easy_to_read(text) if etr else None,
    )

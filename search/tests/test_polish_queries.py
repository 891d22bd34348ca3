"""A resident types Polish words in whatever form comes to mind, and finds the page written in another.

Every query below uses a form that does not occur in the text it must find
(another case, number, an alternation like rynek/rynku, a place name in
another case, missing Polish letters, a typo). At least 95 % must find their
document, and no query may put an unrelated document first.
"""

import datetime
import re

import pytest

from meetings.models import Meeting, Venue
from members.models import Gmina, Institution, InstitutionKind
from pages.models import Page

# key: (kind, title, body)
DOCUMENTS = {
    "rynek": (
        "post",
        "Sytuacja na lokalnym rynku pracy",
        "<h2>Co pokazuje zestawienie</h2><p>Liczba zarejestrowanych osób bezrobotnych spadła. "
        "Pracodawcy zgłosili więcej ofert pracy niż rok wcześniej, zwłaszcza w handlu i logistyce.</p>",
    ),
    "urzad": (
        "post",
        "Dłuższe godziny obsługi klientów",
        "<p>Od poniedziałku sala obsługi Powiatowego Urzędu Pracy będzie czynna dłużej. W urzędzie "
        "można złożyć wniosek, umówić się z doradcą zawodowym i odebrać zaświadczenie.</p>",
    ),
    "pomiechowek": (
        "post",
        "Festyn rodzinny w Pomiechówku",
        "<p>Zapraszamy mieszkańców na festyn na boisku. Dla dzieci przygotowano zabawy i konkursy, "
        "a instytucje partnerskie pokażą swoje stoiska.</p>",
    ),
    "nasielsk": (
        "post",
        "Punkt konsultacji w Nasielsku",
        "<p>W każdy czwartek doradca odpowiada na pytania osób szukających zatrudnienia. "
        "Dyżur odbywa się w budynku biblioteki.</p>",
    ),
    "czosnow": (
        "post",
        "Spotkanie sołtysów w Czosnowie",
        "<p>Sołtysi rozmawiali o potrzebach wsi i o tym, jak zachęcić młodych do pracy w rolnictwie.</p>",
    ),
    "leoncin": (
        "post",
        "Warsztaty rękodzieła w Leoncinie",
        "<p>Koło gospodyń wiejskich zaprasza na warsztaty haftu i wikliniarstwa.</p>",
    ),
    "nowy_dwor": (
        "post",
        "Targi pracy w Nowym Dworze Mazowieckim",
        "<p>Na targach swoje stoiska wystawi kilkunastu wystawców z handlu, budownictwa i usług.</p>",
    ),
    "powiat": (
        "post",
        "Informator o powiecie nowodworskim",
        "<p>W informatorze opisano instytucje działające na tym terenie i sposób kontaktu z nimi.</p>",
    ),
    "staze": (
        "post",
        "Nabór na staże dla absolwentów",
        "<p>Osoby, które niedawno ukończyły szkołę, mogą ubiegać się o staże w lokalnych firmach. "
        "O stażach decyduje kolejność zgłoszeń.</p>",
    ),
    "szkolenia": (
        "post",
        "Cykl szkoleń dla przedsiębiorców",
        "<p>Zajęcia dotyczą dotacji na otwarcie działalności i zatrudnianie nowych osób. "
        "Na szkoleniach omawiamy też wypełnianie wniosków.</p>",
    ),
    "porozumienie": (
        "post",
        "Porozumienie podpisane",
        "<p>Dokument podpisali przedstawiciele samorządów, w tym burmistrzowie i wójtowie. "
        "Listę sygnatariuszy zamieściliśmy w dziale o partnerstwie.</p>",
    ),
    "rada": (
        "post",
        "Posiedzenie Powiatowej Rady Rynku Pracy",
        "<p>Członkowie rady zaopiniowali plan działań na kolejny rok.</p>",
    ),
    "gminy": (
        "page",
        "Sześć gmin, jeden cel",
        "<h2>Wspólne działania</h2><p>Każda z gmin wyznaczyła osobę do kontaktu. Dzięki temu gminy "
        "szybciej wymieniają się informacjami o naborach i wydarzeniach.</p>",
    ),
    "partnerstwo": (
        "page",
        "Czym jest partnerstwo lokalne",
        "<h2>Cele</h2><p>Partnerstwo ma ożywić gospodarkę i poprawić współpracę instytucji.</p>",
    ),
    "dialog": (
        "page",
        "Dialog społeczny",
        "<p>Partnerstwo łączy samorządy z organizacjami pozarządowymi, izbami gospodarczymi "
        "i przedstawicielami związków zawodowych.</p>",
    ),
    "starostwo": (
        "institution",
        "Starostwo Powiatowe w Nowym Dworze Mazowieckim",
        "<p>Siedziba władz samorządu, który obsługuje Starostę Nowodworskiego.</p>",
    ),
    "spotkanie": (
        "meeting",
        "Pierwsze spotkanie organizacyjno-integracyjne",
        "<p>Pierwsze z zapowiadanych spotkań przedstawicieli instytucji partnerskich.</p>",
    ),
}

# What the index adds to a document's text from its other fields (search/index.py).
VENUE = {"name": "Rezydencja „Miętowe Wzgórza”", "address": "Trębki Nowe", "gmina": Gmina.ZAKROCZYM}
ADDED_BY_THE_INDEX = {
    "spotkanie": f"{VENUE['name']} {VENUE['address']} {Gmina.ZAKROCZYM.label}",
    "starostwo": f"{InstitutionKind.STAROSTWO.label} gmina {Gmina.NOWY_DWOR.label}",
}

# (query, the document it must find, documents that may rightly come before it)
QUERIES = [
    # alternations and cases of common nouns
    ("rynek pracy", "rynek", {"rada"}),
    ("rynkiem", "rynek", {"rada"}),
    ("rynki pracy", "rynek", {"rada"}),
    ("urząd", "urzad", set()),
    ("urzędach", "urzad", set()),
    ("urzędem pracy", "urzad", set()),
    ("gminom", "gminy", {"starostwo"}),
    ("gmina", "gminy", {"starostwo"}),
    ("gminami", "gminy", {"starostwo"}),
    ("powiat", "powiat", set()),
    ("powiatem nowodworskim", "powiat", set()),
    ("staż", "staze", set()),
    ("stażu", "staze", set()),
    ("absolwent", "staze", set()),
    ("absolwenci", "staze", set()),
    ("szkolenie", "szkolenia", set()),
    ("przedsiębiorca", "szkolenia", set()),
    ("dotacja", "szkolenia", set()),
    ("dotacje", "szkolenia", set()),
    ("bezrobotny", "rynek", set()),
    ("pracodawcom", "rynek", set()),
    ("oferta pracy", "rynek", set()),
    ("rada rynku pracy", "rada", set()),
    ("posiedzeniu", "rada", set()),
    ("porozumieniu", "porozumienie", set()),
    ("sygnatariusz", "porozumienie", set()),
    ("burmistrz", "porozumienie", set()),
    ("wójt", "porozumienie", set()),
    ("dialogu", "dialog", set()),
    ("organizacja pozarządowa", "dialog", set()),
    ("związek zawodowy", "dialog", set()),
    ("partnerstwa lokalnego", "partnerstwo", set()),
    ("gospodarka", "partnerstwo", set()),
    ("festynie rodzinnym", "pomiechowek", set()),
    ("mieszkańcy", "pomiechowek", set()),
    ("dzieciom", "pomiechowek", set()),
    ("sołtys", "czosnow", set()),
    ("konsultacje", "nasielsk", set()),
    ("starosta", "starostwo", set()),
    ("starostwie powiatowym", "starostwo", set()),
    # place names in another case
    ("Pomiechówek", "pomiechowek", set()),
    ("Pomiechówka", "pomiechowek", set()),
    ("Nasielsk", "nasielsk", set()),
    ("Nasielska", "nasielsk", set()),
    ("Czosnów", "czosnow", set()),
    ("Leoncin", "leoncin", set()),
    ("Zakroczymiu", "spotkanie", set()),
    ("Trębkach Nowych", "spotkanie", set()),
    ("Miętowych Wzgórzach", "spotkanie", set()),
    ("Nowy Dwór Mazowiecki", "nowy_dwor", {"starostwo"}),
    # without Polish letters, and with a typo
    ("pomiechowek", "pomiechowek", set()),
    ("czosnow", "czosnow", set()),
    ("urzedu", "urzad", set()),
    ("zwiazkow zawodowych", "dialog", set()),
    ("absolwemtów", "staze", set()),
    ("przedsiebiorcy", "szkolenia", set()),
]

RESULT_LINK_RE = re.compile(
    r'<article class="card search-result[^"]*">\s*<div class="card-text">\s*<h2><a href="([^"]+)"'
)


@pytest.fixture
def portal(make_post, django_capture_on_commit_callbacks):
    """The documents above, indexed; returns {url: key}."""
    urls = {}
    with django_capture_on_commit_callbacks(execute=True):
        for n, (key, (kind, title, body)) in enumerate(DOCUMENTS.items()):
            if kind == "post":
                obj = make_post(title=title, body=body)
            elif kind == "page":
                obj = Page.objects.create(title=title, slug=f"strona-{n}", section=Page.Section.PARTNERSHIP, body=body)
            elif kind == "institution":
                obj = Institution.objects.create(
                    name=title,
                    slug=f"instytucja-{n}",
                    description=body,
                    kind=InstitutionKind.STAROSTWO,
                    gmina=Gmina.NOWY_DWOR,
                )
            else:
                venue = Venue.objects.create(**VENUE)
                obj = Meeting.objects.create(
                    title=title,
                    slug=f"spotkanie-{n}",
                    date=datetime.date(2018, 6, 6),
                    venue=venue,
                    description=body,
                    status=Meeting.Status.HELD,
                )
            urls[obj.get_absolute_url()] = key
    return urls


def search_results(client, portal, query):
    """The keys of the documents found for ``query``, in the order shown."""
    response = client.get("/szukaj/", {"q": query})
    assert response.status_code == 200
    return [portal[url] for url in RESULT_LINK_RE.findall(response.text)]


def indexed_text(key):
    _kind, title, body = DOCUMENTS[key]
    return f"{title} {body} {ADDED_BY_THE_INDEX.get(key, '')}"


def test_every_query_has_a_word_its_document_never_uses_in_that_form():
    def words(text):
        return set(re.findall(r"\w+", text.lower()))

    as_written = [query for query, expected, _related in QUERIES if words(query) <= words(indexed_text(expected))]
    assert not as_written, "these queries would prove nothing"


def test_at_least_95_percent_of_polish_queries_find_their_document(client, portal):
    missed = [query for query, expected, _related in QUERIES if expected not in search_results(client, portal, query)]
    assert len(QUERIES) >= 40
    assert len(missed) <= 0.05 * len(QUERIES), f"not found: {missed}"


def test_no_query_puts_an_unrelated_document_first(client, portal):
    wrong = {}
    for query, expected, related in QUERIES:
        results = search_results(client, portal, query)
        if results and results[0] not in {expected, *related}:
            wrong[query] = results[0]
    assert not wrong, f"unrelated documents first: {wrong}"

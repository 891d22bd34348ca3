from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, F, Q, Window
from django.db.models.functions import Now
from django.http import Http404
from django.shortcuts import render

from pagecache.versions import reads
from search import polish
from search.index import CONFIG
from search.models import Document
from search.text import (
    FRAGMENT_DELIMITER,
    START_MARK,
    STOP_MARK,
    WORD_RE,
    edit_distance_at_most_one,
    highlighted,
    words,
)

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
PER_PAGE = 10
MAX_PAGE = 1000

# For each query word: the indexed words that are the same once diacritics
# are removed („urzedu” → „urzędu”), and for a word the dictionary does not
# know (a typo?) also up to 20 words that look like it (trigram similarity,
# search_word_folded_trgm_idx); with the query word without diacritics, to
# compare them with.
SIMILAR_WORDS_SQL = """
    SELECT q.word, unaccent(q.word), w.word, w.folded
    FROM unnest(%s::text[], %s::boolean[]) AS q(word, unknown)
    LEFT JOIN LATERAL (
        (SELECT word, folded FROM search_word WHERE folded = unaccent(q.word))
        UNION
        (SELECT word, folded FROM search_word
         WHERE q.unknown AND folded %% unaccent(q.word)
         ORDER BY folded <-> unaccent(q.word), word
         LIMIT 20)
    ) AS w ON true
"""


def _similar_words(query_words):
    """Each query word without diacritics, and the indexed words similar to it with theirs."""
    unknown = [not polish.is_known(w) and len(w) >= 4 for w in query_words]
    with connection.cursor() as cursor:
        cursor.execute(SIMILAR_WORDS_SQL, [query_words, unknown])
        rows = cursor.fetchall()
    folded, similar = {}, {w: [] for w in query_words}
    for query_word, folded_query_word, word, folded_word in rows:
        folded[query_word] = folded_query_word
        if word is not None:
            similar[query_word].append((word, folded_word))
    return folded, similar


def _alternatives(word, folded_word, similar):
    """The lexemes any of which may stand for ``word`` in a matching text.

    Every form of every lemma of the word („rynek” → rynku, rynkiem, …); the
    forms of an indexed word that is the same word without its Polish letters
    („urzedu” → urzędu → urząd, urzędzie, …); for a word the dictionary does
    not know, also the forms of indexed words one typo away, and the word and
    its start without the ending as prefixes: a visitor who types „Pomiech”
    or „pomiechowek” (no Polish letters, so the dictionary cannot help) still
    finds „Pomiechówku”.
    """
    known = polish.is_known(word)
    found = polish.forms(word)
    for other, folded_other in similar:
        if folded_other == folded_word or (
            not known and len(word) >= 4 and edit_distance_at_most_one(folded_word, folded_other)
        ):
            found |= polish.forms(other)
    lexemes = {f"'{form}'" for form in found if WORD_RE.fullmatch(form)}
    if not known:
        lexemes |= {f"'{word}':*", f"'{_without_ending(word)}':*"}
    return lexemes


def _without_ending(word):
    if len(word) >= 7:
        return word[:-2]
    if len(word) >= 5:
        return word[:-1]
    return word


def _tsquery(query_words):
    """All query words, each as any of its alternatives: ('rynek' | 'rynku' | …) & ('pracy' | …)."""
    folded, similar = _similar_words(query_words)
    groups = ["(" + " | ".join(sorted(_alternatives(w, folded[w], similar[w]))) + ")" for w in query_words]
    return " & ".join(groups)


@reads("q", "page")
def search(request):
    q = request.GET.get("q", "").strip()
    context = {"q": q, "results": None}
    if not q:
        return render(request, "search/search.html", context)
    if len(q) > MAX_QUERY_LENGTH or "\x00" in q:
        context["error"] = (
            f"Zapytanie jest za długie lub zawiera niedozwolone znaki. Wpisz najwyżej {MAX_QUERY_LENGTH} znaków."
        )
        return render(request, "search/search.html", context, status=400)
    query_words = list(dict.fromkeys(words(q)))[:MAX_WORDS]
    if not query_words:
        context["error"] = "Wpisz co najmniej jedno słowo z liter lub cyfr."
        return render(request, "search/search.html", context, status=400)

    number = request.GET.get("page", "1")
    if not number.isdigit() or not 1 <= int(number) <= MAX_PAGE:
        raise Http404("Nie ma takiej strony wyników.")
    number = int(number)

    query = SearchQuery(_tsquery(query_words), search_type="raw", config=CONFIG)
    documents = (
        Document.objects.filter(vector=query)
        .filter(Q(public_from__isnull=True) | Q(public_from__lte=Now()))
        .annotate(
            # How many match in all, with the page's rows: matching and ranking
            # every document once, rather than again in a COUNT query.
            total=Window(Count("pk")),
            rank=SearchRank(F("vector"), query),
            headline=SearchHeadline(
                "text",
                query,
                config=CONFIG,
                start_sel=START_MARK,
                stop_sel=STOP_MARK,
                max_fragments=2,
                max_words=20,
                min_words=10,
                fragment_delimiter=FRAGMENT_DELIMITER,
            ),
        )
        .order_by("-rank", F("date").desc(nulls_last=True), "pk")
        # The text too: a passage cut inside a sentence is shown with an ellipsis.
        .only("kind", "title", "url", "date", "image", "text")
    )
    results = list(documents[(number - 1) * PER_PAGE : number * PER_PAGE])
    if not results and number > 1:
        raise Http404("Nie ma takiej strony wyników.")
    paginator = Paginator([], PER_PAGE)  # for the page links; the count came with the rows
    paginator.count = results[0].total if results else 0
    for doc in results:
        doc.fragment = highlighted(doc.headline, doc.text)
    context.update(results=results, page_obj=Page(results, number, paginator), count=paginator.count)
    return render(request, "search/search.html", context)

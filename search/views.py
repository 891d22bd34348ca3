from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, Window
from django.db.models.functions import Now
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from pagecache.versions import reads
from search.index import CONFIG
from search.models import Document
from search.query import polish_tsquery
from search.text import (
    FRAGMENT_DELIMITER,
    START_MARK,
    STOP_MARK,
    highlighted,
    words,
)

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
PER_PAGE = 10
MAX_PAGE = 1000


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

    query = SearchQuery(polish_tsquery(query_words), search_type="raw", config=CONFIG)
    documents = (
        Document.objects.filter(vector=query)
        .filter(Q(public_from__isnull=True) | Q(public_from__lte=Now()))
        # The application's clock, as news.models.PostQuerySet.published() reads it.
        .exclude(public_until__lte=timezone.now())
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

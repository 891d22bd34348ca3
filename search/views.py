from django.contrib.postgres.lookups import TrigramSimilar
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import F, Q
from django.db.models.functions import Now
from django.http import Http404
from django.shortcuts import render

from search.models import Document, Word
from search.text import fold, fragment, words

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
PER_PAGE = 10


def _tsquery(query_words):
    """Each word, or a word close to it, as a prefix: (lodz:* | lodzi:*) & (zrodla:* | …)."""
    near = list(
        Word.objects.filter(
            Q.create([(f"word__{TrigramSimilar.lookup_name}", w) for w in query_words if len(w) >= 4], connector=Q.OR)
        ).values_list("word", flat=True)[:200]
    ) if any(len(w) >= 4 for w in query_words) else []
    groups = []
    for w in query_words:
        alternatives = {w}
        if len(w) >= 4:
            alternatives |= {n for n in near if _edit_distance_at_most_one(w, n[: len(w) + 1])}
        groups.append("(" + " | ".join(f"{_stem(a)}:*" for a in sorted(alternatives)) + ")")
    return " & ".join(groups)


def _stem(word):
    """A crude Polish stem: drop the ending, so „zasady” also finds „zasadach” and „zasadami”."""
    if len(word) >= 7:
        return word[:-2]
    if len(word) >= 5:
        return word[:-1]
    return word


def _edit_distance_at_most_one(a, b):
    """True when b is a or differs from it by one letter (added, removed, changed or swapped)."""
    if a == b or b.startswith(a):
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return (
        a[i + 1 :] == b[i + 1 :] or a[i + 1 :] == b[i:] or a[i:] == b[i + 1 :]
        or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
    )


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
    query_words = [w for w in dict.fromkeys(words(q)) if w][:MAX_WORDS]
    if not query_words:
        context["error"] = "Wpisz co najmniej jedno słowo z liter lub cyfr."
        return render(request, "search/search.html", context, status=400)

    query = SearchQuery(_tsquery(query_words), search_type="raw", config="simple")
    documents = (
        Document.objects.filter(vector=query)
        .filter(Q(public_from__isnull=True) | Q(public_from__lte=Now()))
        .annotate(rank=SearchRank(F("vector"), query))
        .order_by("-rank", F("date").desc(nulls_last=True), "pk")
        .only("kind", "title", "text", "url", "date")
    )
    paginator = Paginator(documents, PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        raise Http404("Nie ma takiej strony wyników.") from None
    for doc in page.object_list:
        doc.fragment = fragment(doc.text, query_words)
    context.update(results=page.object_list, page_obj=page, count=paginator.count, folded=fold(q))
    return render(request, "search/search.html", context)

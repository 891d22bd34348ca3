"""The admin's search box finds Polish word forms, as the public search does.

„szkolenie” finds „szkolenia”, „Nowy Dwór” finds „w Nowym Dworze”: every word of the query,
in every form of its lemmas (search/query.py), against the ModelAdmin's own ``search_fields``,
read by PostgreSQL with the public search's configuration. Drafts and comments are searched too,
so the text is read from the rows themselves, not from the public index. Django's own search
(``icontains`` on each field) stays beside it, so the start of a word („szkol”) still finds.
One query more than Django's, whatever the number of rows.
"""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Q

from search.index import CONFIG
from search.query import polish_tsquery
from search.text import words

# As the public search: longer queries are searched by Django's icontains alone.
MAX_QUERY_LENGTH = 200
MAX_WORDS = 8


def text_paths(search_fields):
    """Field paths of ``search_fields`` that hold words: Django's ``^`` and ``@`` dropped, ``=`` left out."""
    return [field.lstrip("^@") for field in search_fields if not field.startswith("=")]


class PolishSearchMixin:
    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        paths = text_paths(self.get_search_fields(request))
        query_words = list(dict.fromkeys(words(search_term)))[:MAX_WORDS]
        if not paths or not query_words or len(search_term) > MAX_QUERY_LENGTH:
            return found, may_have_duplicates
        query = SearchQuery(polish_tsquery(query_words), search_type="raw", config=CONFIG)
        in_any_form = queryset.alias(_polish=SearchVector(*paths, config=CONFIG)).filter(_polish=query)
        # Subqueries of ids: a row matched through a relation is listed once.
        return queryset.filter(Q(pk__in=in_any_form.values("pk")) | Q(pk__in=found.values("pk"))), False

"""Query parameters no view reads are served fresh, never stored; pages never share a cache with counters."""

from django.core.cache import caches
from django.db import connection

from pagecache import cache as pagecache


def _page_entries():
    table = pagecache.caches[pagecache.CACHE_ALIAS]._table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {connection.ops.quote_name(table)} WHERE cache_key LIKE %s", ["%pagecache:page:%"]
        )
        return cursor.fetchone()[0]


def test_junk_query_strings_are_served_but_not_stored(client, make_post, page_cache):
    for n in range(5):
        response = client.get(f"/?x={n}")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    assert _page_entries() == 0


def test_parameters_the_views_read_are_cached(client, make_post, page_cache):
    make_post(title="Dożynki w Nasielsku")
    assert client.get("/szukaj/?q=dożynki")["X-Page-Cache"] == "miss"
    assert client.get("/szukaj/?q=dożynki")["X-Page-Cache"] == "hit"
    assert client.get("/partnerzy/?gmina=nasielsk")["X-Page-Cache"] == "miss"
    assert _page_entries() == 2


def test_filling_the_page_cache_leaves_the_login_counters_alone(client, make_post, page_cache, settings):
    settings.CACHES = {**settings.CACHES, "pages": {**settings.CACHES["pages"], "OPTIONS": {"MAX_ENTRIES": 20}}}
    caches["default"].set("allauth:rl:login_failed:probe", [1.0], 600)
    for n in range(60):
        assert client.get(f"/szukaj/?q=slowo{n}").status_code == 200
    assert caches["default"].get("allauth:rl:login_failed:probe") == [1.0]
    assert _page_entries() <= 21

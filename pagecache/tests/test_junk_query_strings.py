"""Query parameters no view reads get the clean address's page, stored once; pages never share a cache with counters."""

from django.conf import settings
from django.core.cache import caches
from django.db import connection


def _page_entries():
    pages = settings.CACHES["pages"]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {connection.ops.quote_name(pages['LOCATION'])} WHERE cache_key LIKE %s",
            [f"{pages['KEY_PREFIX']}:%:page:%"],
        )
        return cursor.fetchone()[0]


def test_junk_query_strings_get_the_clean_page_rendered_once(client, make_post):
    make_post(title="Dożynki w Nasielsku")
    assert client.get("/?x=0")["X-Page-Cache"] == "miss"
    for n in range(1, 5):
        response = client.get(f"/?x={n}")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"
        assert "Dożynki w Nasielsku" in response.text
        assert "?x=" not in response.text  # the page of /, links and forms included
    assert client.get("/")["X-Page-Cache"] == "hit"
    assert _page_entries() == 1


def test_junk_beside_a_parameter_the_view_reads_keeps_that_parameter(client, make_post):
    assert client.get("/szukaj/?q=dożynki")["X-Page-Cache"] == "miss"
    response = client.get("/szukaj/?utm_source=gazeta&q=dożynki&fbclid=abc")
    assert response["X-Page-Cache"] == "hit"
    assert 'value="dożynki"' in response.text
    assert client.get("/szukaj/?q=targi&x=1")["X-Page-Cache"] == "miss"  # another search, another page
    assert _page_entries() == 2


def test_a_junk_query_hit_costs_one_query(client, make_post, django_assert_num_queries):
    make_post()
    client.get("/aktualnosci/")
    with django_assert_num_queries(1):
        assert client.get("/aktualnosci/?x=12345")["X-Page-Cache"] == "hit"


def test_parameters_the_views_read_are_cached(client, make_post):
    make_post(title="Dożynki w Nasielsku")
    assert client.get("/szukaj/?q=dożynki")["X-Page-Cache"] == "miss"
    assert client.get("/szukaj/?q=dożynki")["X-Page-Cache"] == "hit"
    assert client.get("/partnerzy/?gmina=nasielsk")["X-Page-Cache"] == "miss"
    assert _page_entries() == 2


def test_filling_the_page_cache_leaves_the_login_counters_alone(client, make_post, settings):
    settings.CACHES = {**settings.CACHES, "pages": {**settings.CACHES["pages"], "OPTIONS": {"MAX_ENTRIES": 20}}}
    caches["default"].set("allauth:rl:login_failed:probe", [1.0], 600)
    for n in range(60):
        assert client.get(f"/szukaj/?q=slowo{n}").status_code == 200
    assert caches["default"].get("allauth:rl:login_failed:probe") == [1.0]
    assert _page_entries() <= 21


def test_a_parameter_another_page_reads_is_junk_here(client, make_post):
    make_post(title="Dożynki w Nasielsku")
    assert client.get("/")["X-Page-Cache"] == "miss"
    for junk in ("/?page=7", "/?q=dożynki", "/kontakt/?gmina=zz"):
        client.get(junk.split("?")[0])
        response = client.get(junk)
        assert response["X-Page-Cache"] == "hit", junk
    assert client.get("/aktualnosci/?page=2&x=1").status_code == 404  # the list reads page: not junk there
    assert _page_entries() == 2


def test_an_address_with_no_view_keeps_its_query_for_the_redirect(client, db):
    response = client.get("/aktualnosci?page=2")
    assert response.status_code == 301
    assert response["Location"] == "/aktualnosci/?page=2"

import pytest

from news.models import Post
from pages.models import Page


@pytest.fixture
def indexed(make_post, django_capture_on_commit_callbacks):
    def make(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return make_post(**fields)

    return make


def test_it_finds_words_without_polish_letters(client, indexed):
    indexed(title="Spotkanie w Łodzi", body="<p>Nowe źródła finansowania dla pracodawców.</p>")
    html = client.get("/szukaj/", {"q": "zrodla lodzi"}).text
    assert "Znaleziono 1 wynik" in html
    assert "Spotkanie w Łodzi" in html
    assert "<mark>źródła</mark>" in html


def test_it_forgives_a_one_letter_typo(client, indexed):
    indexed(title="Aktywizacja bezrobotnych", body="<p>Program aktywizacji zawodowej.</p>")
    assert "Aktywizacja bezrobotnych" in client.get("/szukaj/", {"q": "aktywizajca"}).text
    assert "Aktywizacja bezrobotnych" in client.get("/szukaj/", {"q": "bezrobotnyh"}).text


def test_it_finds_pages_and_ranks_titles_first(client, indexed, django_capture_on_commit_callbacks):
    indexed(title="Inny wpis", body="<p>Wspominamy o zasadach tylko raz.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.create(
            title="Zasady partnerstwa",
            slug="zasady",
            section=Page.Section.PARTNERSHIP,
            body="<p>Zasady i jeszcze raz zasady.</p>",
        )
    html = client.get("/szukaj/", {"q": "zasady"}).text
    assert "Znaleziono 2 wyniki" in html
    assert html.index("Zasady partnerstwa") < html.index("Inny wpis")


def test_drafts_and_scheduled_posts_are_not_found(client, indexed):
    import datetime

    from django.utils import timezone

    indexed(title="Szkic o stażach", status=Post.Status.DRAFT)
    indexed(title="Przyszłe staże", published_at=timezone.now() + datetime.timedelta(days=1))
    html = client.get("/szukaj/", {"q": "staże"}).text
    assert "Nic nie znaleziono" in html


def test_results_are_paginated_with_polish_plurals(client, indexed):
    for n in range(12):
        indexed(title=f"Szkolenie numer {n}")
    first = client.get("/szukaj/", {"q": "szkolenie"}).text
    assert "Znaleziono 12 wyników" in first
    assert "Strona 1 z 2" in first
    assert client.get("/szukaj/", {"q": "szkolenie", "page": "9"}).status_code == 404
    for page in ["0", "-1", "dwa", "99999999999999999999"]:
        assert client.get("/szukaj/", {"q": "szkolenie", "page": page}).status_code == 404


@pytest.mark.parametrize("q, status", [("a" * 201, 400), ("!!!", 400), ("\x00", 400), ("", 200)])
def test_bad_queries_get_a_polish_message(client, db, q, status):
    response = client.get("/szukaj/", {"q": q})
    assert response.status_code == status
    if status == 400:
        assert "Wpisz" in response.text


def test_query_is_shown_escaped(client, db):
    html = client.get("/szukaj/", {"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)</script>" not in html


@pytest.mark.parametrize("count", [1, 30])
def test_search_query_count_is_constant(client, indexed, django_assert_num_queries, count, cold_render):
    for n in range(count):
        indexed(title=f"Doradztwo zawodowe {n}")
    # similar words, page of results with their count, coordinator
    with django_assert_num_queries(4):
        client.get("/szukaj/", {"q": "doradztwo"})


UNUSUAL_QUERIES = ["2018", "rok_2018", "Łódź2", "e-mail", "o'neill", "x:*", "a & b | !c", "ii", "ąęśćź " * 9]


@pytest.mark.parametrize("q", UNUSUAL_QUERIES)
def test_unusual_queries_get_an_answer(client, indexed, q):
    indexed(title="Nabór 2018 w Łódź2", body="<p>Kontakt przez e-mail.</p>")
    assert client.get("/szukaj/", {"q": q}).status_code == 200


def test_words_with_digits_are_found_without_polish_letters(client, indexed):
    indexed(title="Program Łódź2030", body="<p>Opis.</p>")
    assert "Program Łódź2030" in client.get("/szukaj/", {"q": "lodz2030"}).text

import datetime

import pytest
from django.utils import timezone

from news.models import Category, Post


def test_list_shows_newest_first_with_polish_dates(client, make_post):
    make_post(title="Starszy", published_at=timezone.make_aware(datetime.datetime(2018, 6, 8, 10)))
    make_post(title="Nowszy", published_at=timezone.make_aware(datetime.datetime(2019, 1, 15, 10)))
    html = client.get("/aktualnosci/").text
    assert html.index("Nowszy") < html.index("Starszy")
    assert "8 czerwca 2018" in html and "15 stycznia 2019" in html


def test_drafts_and_scheduled_posts_are_hidden(client, make_post):
    make_post(title="Szkic wpisu", status=Post.Status.DRAFT)
    make_post(title="Zaplanowany wpis", published_at=timezone.now() + datetime.timedelta(hours=1))
    make_post(title="Widoczny wpis")
    html = client.get("/aktualnosci/").text
    assert "Widoczny wpis" in html
    assert "Szkic wpisu" not in html
    assert "Zaplanowany wpis" not in html
    assert "Szkic wpisu" not in client.get("/").text


def test_scheduled_post_appears_when_its_time_comes(client, make_post):
    post = make_post(title="Zaplanowany wpis", published_at=timezone.now() + datetime.timedelta(hours=1))
    assert client.get(post.get_absolute_url()).status_code == 404
    Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(post.get_absolute_url()).status_code == 200


def test_list_pages_by_ten_with_polish_navigation(client, make_post):
    for _ in range(23):
        make_post()
    first = client.get("/aktualnosci/").text
    assert first.count('class="card"') == 10
    assert "Strona 1 z 3" in first
    assert "Starsze wpisy" in first
    third = client.get("/aktualnosci/?page=3").text
    assert third.count('class="card"') == 3
    assert "Nowsze wpisy" in third


@pytest.mark.parametrize("page", ["abc", "0", "4", "-1", "1e9", "9" * 40, "%00"])
def test_bad_page_numbers_get_404(client, make_post, page):
    make_post()
    response = client.get(f"/aktualnosci/?page={page}")
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.text


def test_category_page_lists_only_its_posts(client, make_post):
    other = Category.objects.create(name="Wydarzenia", slug="wydarzenia")
    make_post(title="W newsach")
    make_post(title="W wydarzeniach", category=other)
    html = client.get("/aktualnosci/kategoria/wydarzenia/").text
    assert "Kategoria: Wydarzenia" in html
    assert "W wydarzeniach" in html
    assert "W newsach" not in html


@pytest.mark.parametrize("count", [1, 30])
def test_list_query_count_is_constant(client, make_post, django_assert_num_queries, count, cold_render):
    for _ in range(count):
        make_post()
    # count, the page of posts with categories, the coordinator and the menu
    with django_assert_num_queries(4):
        client.get("/aktualnosci/")


@pytest.mark.parametrize("count", [1, 30])
def test_category_query_count_is_constant(client, make_post, django_assert_num_queries, count, cold_render):
    for _ in range(count):
        make_post()
    with django_assert_num_queries(5):
        client.get("/aktualnosci/kategoria/wiadomosci/")


@pytest.mark.parametrize("count", [1, 30])
def test_home_query_count_is_constant(client, make_post, django_assert_num_queries, count, cold_render):
    for _ in range(count):
        make_post()
    # posts + meetings beside them + partners' logos + coordinator
    with django_assert_num_queries(6):
        client.get("/")

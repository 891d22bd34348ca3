"""A post with an end of publication leaves the site by itself; a pinned post comes first."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from news.models import Post
from news.tests.test_admin import post_form
from search.index import rebuild


def _ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


def _in(**delta):
    return timezone.now() + datetime.timedelta(**delta)


def test_published_leaves_out_posts_past_their_end(make_post):
    running = make_post(title="Nabór trwa", unpublish_at=_in(days=1))
    make_post(title="Nabór zakończony", published_at=_ago(days=3), unpublish_at=_ago(minutes=1))
    endless = make_post(title="Bez końca")
    assert set(Post.objects.published()) == {running, endless}
    ended = Post.objects.get(title="Nabór zakończony")
    assert ended.is_expired and not ended.is_public
    assert running.is_public and not running.is_expired


def test_the_database_refuses_an_end_before_the_start(make_post):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        make_post(published_at=_ago(days=1), unpublish_at=_ago(days=2))


def test_an_ended_post_is_gone_from_every_public_place(client, make_post):
    shown = make_post(title="Nabór trwa", unpublish_at=_in(days=1))
    post = make_post(title="Nabór zakończony", published_at=_ago(days=3), unpublish_at=_ago(minutes=1))
    rebuild()
    assert client.get(post.get_absolute_url()).status_code == 404
    for url in ["/aktualnosci/", "/", "/aktualnosci/rss/", "/sitemap.xml", "/szukaj/?q=nabor"]:
        text = client.get(url).text
        assert shown.get_absolute_url() in text, url
        assert post.get_absolute_url() not in text, url


def test_search_finds_a_post_until_its_end(client, make_post):
    make_post(title="Nabór wniosków", unpublish_at=_in(hours=1))
    rebuild()
    assert "Nabór wniosków" in client.get("/szukaj/?q=nabor").text
    with time_machine.travel(datetime.timedelta(hours=1, seconds=1)):
        assert "Nabór wniosków" not in client.get("/szukaj/?q=nabor").text


def test_cached_list_drops_an_ended_post_when_its_time_comes_with_no_save(client, make_post):
    post = make_post(title="Nabór do końca dnia", unpublish_at=_in(hours=2))
    assert "Nabór do końca dnia" in client.get("/aktualnosci/").text
    assert client.get("/aktualnosci/")["X-Page-Cache"] == "hit"
    assert "Nabór do końca dnia" in client.get("/").text
    assert client.get(post.get_absolute_url()).status_code == 200
    with time_machine.travel(datetime.timedelta(hours=2, seconds=1)):
        assert "Nabór do końca dnia" not in client.get("/aktualnosci/").text
        assert "Nabór do końca dnia" not in client.get("/").text
        assert client.get(post.get_absolute_url()).status_code == 404


def test_staff_preview_says_the_publication_has_ended(client, alice, make_post):
    post = make_post(published_at=_ago(days=3), unpublish_at=_ago(days=1))
    client.force_login(alice)
    text = client.get(post.get_absolute_url()).text
    assert "Podgląd: publikacja tego wpisu zakończyła się" in text


def test_pinned_posts_come_first_then_the_newest(client, make_post):
    make_post(title="Najnowszy", published_at=_ago(hours=1))
    make_post(title="Stary przypięty", published_at=_ago(days=30), pinned=True)
    make_post(title="Starszy przypięty", published_at=_ago(days=60), pinned=True)
    for url in ["/aktualnosci/", "/"]:
        html = client.get(url).text
        assert html.index("Stary przypięty") < html.index("Starszy przypięty") < html.index("Najnowszy"), url
        assert html.count('<strong class="pinned">Przypięty</strong>') == 2, url


def test_a_pinned_draft_stays_hidden(client, make_post):
    make_post(title="Przypięty szkic", pinned=True, status=Post.Status.DRAFT)
    assert "Przypięty szkic" not in client.get("/aktualnosci/").text


@pytest.mark.parametrize("url", ["/aktualnosci/", "/"])
def test_pinned_and_ended_posts_keep_the_query_count_constant(
    client, make_post, cold_render, django_assert_max_num_queries, url
):
    make_post(pinned=True)
    make_post(published_at=_ago(days=9), unpublish_at=_ago(days=1))
    client.get(url)  # one-off lookups
    with django_assert_max_num_queries(8) as few:
        client.get(url)
    for n in range(15):
        make_post(pinned=n % 3 == 0, published_at=_ago(days=20 + n), unpublish_at=_ago(days=1) if n % 2 else None)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_staff_set_an_end_and_pin_a_post_in_the_admin(client, alice, category):
    client.force_login(alice)
    form = post_form(category, unpublish_at_0="2026-12-31", unpublish_at_1="15:00:00", pinned="on")
    response = client.post("/admin/news/post/add/", form, follow=True)
    assert "Wpis zniknie ze strony 31 grudnia 2026" in response.text
    post = Post.objects.get()
    assert post.pinned
    assert timezone.localtime(post.unpublish_at) == timezone.make_aware(datetime.datetime(2026, 12, 31, 15))


def test_admin_refuses_an_end_before_the_publication_and_keeps_the_form(client, alice, category):
    client.force_login(alice)
    form = post_form(category, title="Nabór wniosków", unpublish_at_0="2026-11-19", unpublish_at_1="10:00:00")
    response = client.post("/admin/news/post/add/", form)
    assert response.status_code == 200
    assert "Koniec publikacji musi być późniejszy niż data publikacji." in response.text
    assert 'value="Nabór wniosków"' in response.text
    assert not Post.objects.exists()


def test_admin_list_filters_ended_posts_and_shows_pins(client, alice, make_post):
    make_post(title="Nabór zakończony", published_at=_ago(days=3), unpublish_at=_ago(days=1))
    make_post(title="Zwykły wpis", pinned=True)
    client.force_login(alice)
    listing = client.get("/admin/news/post/").text
    filters = listing[listing.index('id="changelist-filter"') :]
    assert '<a href="?stan=zakonczony">Zakończone</a>' in filters
    assert "Publikacja zakończona" in listing
    assert '<td class="field-state">Opublikowany, przypięty</td>' in listing
    pinned = client.get("/admin/news/post/?pinned__exact=1").text
    assert "Zwykły wpis" in pinned and "Nabór zakończony" not in pinned
    ended = client.get("/admin/news/post/?stan=zakonczony").text
    assert "Nabór zakończony" in ended and "Zwykły wpis" not in ended
    published = client.get("/admin/news/post/?stan=opublikowany").text
    assert "Zwykły wpis" in published and "Nabór zakończony" not in published

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from news.models import Category, Post

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


@pytest.fixture
def posts(make_post):
    events = Category.objects.create(name="Wydarzenia", slug="wydarzenia")
    make_post(title="Opublikowany wpis", body="<p>Cała <strong>treść</strong> wpisu.</p>")
    make_post(title="Wydarzenie w Leoncinie", category=events)
    make_post(title="Szkic", status=Post.Status.DRAFT)
    make_post(title="Zaplanowany", published_at=timezone.now() + datetime.timedelta(hours=2))
    return events


def test_rss_feed_is_xml_with_full_content_of_published_posts_only(client, posts, settings):
    settings.SITE_URL = "https://partnerstwo.example.gov.pl"
    response = client.get("/aktualnosci/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    titles = [item.findtext("title") for item in items]
    assert titles == ["Opublikowany wpis", "Wydarzenie w Leoncinie"]
    assert items[0].findtext("link") == "https://partnerstwo.example.gov.pl/aktualnosci/opublikowany-wpis/"
    assert items[0].findtext(CONTENT) == "<p>Cała <strong>treść</strong> wpisu.</p>"
    assert channel.findtext("language") == "pl"


def test_atom_feed_is_xml_with_full_content(client, posts):
    root = ET.fromstring(client.get("/aktualnosci/atom/").content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Opublikowany wpis", "Wydarzenie w Leoncinie"]
    assert "<strong>treść</strong>" in entries[0].findtext(f"{ATOM}content")


def test_category_feeds_list_only_that_category(client, posts):
    for url in ["/aktualnosci/kategoria/wydarzenia/rss/", "/aktualnosci/kategoria/wydarzenia/atom/"]:
        body = client.get(url).content
        ET.fromstring(body)
        assert b"Wydarzenie w Leoncinie" in body
        assert b"Opublikowany wpis" not in body and b"Szkic" not in body and b"Zaplanowany" not in body


def test_unknown_category_feed_is_404(client, db):
    assert client.get("/aktualnosci/kategoria/nie-ma/rss/").status_code == 404


def test_hostile_markup_stored_around_the_model_is_cleaned_in_the_feed(client, make_post):
    post = make_post()
    Post.objects.filter(pk=post.pk).update(body='<p>ok</p><script>alert(1)</script><img src=x onerror="alert(2)">')
    body = client.get("/aktualnosci/rss/").text
    assert "alert(1)" not in body and "onerror" not in body


def test_pages_link_to_the_feeds(client, posts):
    html = client.get("/aktualnosci/kategoria/wydarzenia/").text
    assert 'type="application/rss+xml" title="Aktualności (RSS)" href="/aktualnosci/rss/">' in html
    assert 'href="/aktualnosci/kategoria/wydarzenia/rss/"' in html


@pytest.mark.parametrize("count", [1, 30])
def test_feed_query_count_is_constant(client, make_post, django_assert_num_queries, count, cold_render):
    for _ in range(count):
        make_post()
    with django_assert_num_queries(1):
        client.get("/aktualnosci/rss/")

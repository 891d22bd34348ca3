import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from meetings.models import Meeting
from news.models import Post
from pages.models import Page

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_is_xml_listing_only_public_content_with_site_url(
    client, make_post, make_institution, make_agreement, settings
):
    settings.SITE_URL = "https://partnerstwo.example.gov.pl"
    make_post(title="Widoczny")
    make_post(title="Szkic", status=Post.Status.DRAFT)
    make_post(title="Zaplanowany", published_at=timezone.now() + datetime.timedelta(hours=1))
    Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci")
    Page.objects.create(title="Cele", slug="cele", section=Page.Section.PARTNERSHIP)
    Page.objects.create(title="Ukryta", slug="ukryta", is_published=False)
    meeting = Meeting.objects.create(title="Spotkanie partnerów", date=datetime.date(2026, 6, 10))
    make_institution(name="Gmina Leoncin", slug="gmina-leoncin")
    make_agreement(slug="zalozycielskie", signed_on=datetime.date(2018, 4, 19))
    make_agreement(slug="ekonomia-spoleczna", signed_on=datetime.date(2024, 9, 18))
    make_agreement(slug="projekt", signed_on=datetime.date(2025, 1, 1), is_published=False)

    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    assert response.status_code == 200
    locations = {loc.text for loc in ET.fromstring(response.content).iter(f"{NS}loc")}
    base = "https://partnerstwo.example.gov.pl"
    assert {
        f"{base}/",
        f"{base}/aktualnosci/",
        f"{base}/deklaracja-dostepnosci/",
        f"{base}/aktualnosci/widoczny/",
        f"{base}/aktualnosci/kategoria/wiadomosci/",
        f"{base}/polityka-prywatnosci/",
        f"{base}/partnerstwo/cele/",
        f"{base}/spotkania/",
        f"{base}/partnerzy/",
        f"{base}/porozumienie/",
        f"{base}/partnerstwo/",
        f"{base}/kontakt/",
        f"{base}/tekst-latwy-do-czytania/",
        f"{base}/jezyk-migowy/",
        f"{base}/informacja-o-dzialalnosci/",
        f"{base}/zglos-problem-z-dostepnoscia/",
        # The founding agreement is /porozumienie/; a later one has its own address.
        f"{base}/porozumienie/ekonomia-spoleczna/",
        f"{base}/spotkania/spotkanie-partnerow-2026-06-10/",
        f"{base}/partnerzy/gmina-leoncin/",
    } == locations
    assert meeting.slug == "spotkanie-partnerow-2026-06-10"


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin_and_accounts(client, settings, db):
    settings.SITE_URL = "https://partnerstwo.example.gov.pl"
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Disallow: /admin/" in response.text
    assert "Disallow: /konto/" in response.text
    assert "Sitemap: https://partnerstwo.example.gov.pl/sitemap.xml" in response.text
    assert client.post("/robots.txt").status_code == 405


def test_a_sitemap_page_is_read_in_one_query_with_its_total(make_post, django_assert_num_queries):
    from django.core.paginator import EmptyPage

    from core.seo import OneQueryPaginator

    for n in range(5):
        make_post(title=f"Wpis {n}")
    paginator = OneQueryPaginator(Post.objects.order_by("title"), 2)
    with django_assert_num_queries(1):
        page = paginator.page(3)
        assert [p.title for p in page.object_list] == ["Wpis 4"]
        assert (paginator.count, paginator.num_pages, page.has_previous()) == (5, 3, True)
    with pytest.raises(EmptyPage):
        paginator.page(4)

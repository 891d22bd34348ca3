import pytest
from django.core.management import call_command

from pages.models import Page


def test_index_lists_the_partnership_pages_in_menu_order(client, db):
    Page.objects.create(
        title="Zasady",
        slug="zasady",
        section=Page.Section.PARTNERSHIP,
        position=2,
        body="<p>Dobrowolność &amp; otwartość.</p>",
    )
    Page.objects.create(title="Cele", slug="cele", section=Page.Section.PARTNERSHIP, position=1)
    Page.objects.create(title="Szkic", slug="szkic", section=Page.Section.PARTNERSHIP, is_published=False)
    Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci")
    html = client.get("/partnerstwo/").text
    assert "<h1>O partnerstwie</h1>" in html
    assert html.index('href="/partnerstwo/cele/"') < html.index('href="/partnerstwo/zasady/"')
    assert "<p>Dobrowolność &amp; otwartość.</p>" in html
    assert "Szkic" not in html and "Polityka prywatności</a></h2>" not in html


def test_demo_has_the_five_partnership_pages(client, db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    html = client.get("/partnerstwo/").text
    titles = [
        "Czym jest partnerstwo lokalne",
        "Cele partnerstwa",
        "Kto tworzy partnerstwo",
        "Zasady partnerstwa",
        "Rodzaje partnerstw",
    ]
    positions = [html.index(f">{title}</a>") for title in titles]
    assert positions == sorted(positions)
    page = client.get("/partnerstwo/zasady-partnerstwa/").text
    assert "Dobrowolność" in page and "Nieodpłatność" in page
    assert 'aria-label="O partnerstwie"' in page


def test_header_links_to_the_new_sections(client, db):
    html = client.get("/partnerzy/").text
    assert '<a href="/porozumienie/">Porozumienie</a>' in html
    assert '<a href="/partnerzy/" aria-current="page">Partnerzy</a>' in html
    assert '<a href="/partnerstwo/">O partnerstwie</a>' in html


@pytest.mark.parametrize("count", [1, 20])
def test_index_query_count_is_constant(client, db, django_assert_num_queries, count, cold_render):
    for n in range(count):
        Page.objects.create(title=f"Strona {n}", slug=f"strona-{n}", section=Page.Section.PARTNERSHIP)
    with django_assert_num_queries(3):
        client.get("/partnerstwo/")

"""The frame (header, footer, the newsletter box) follows the page, the reader and every change at once."""

import re

import pytest

from members.models import Gmina, Institution, InstitutionKind
from pages.models import Coordinator, MenuItem

OFFICE = "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim"


@pytest.fixture
def pages(make_post):
    post = make_post(title="Targi pracy w Nasielsku")
    Institution.objects.create(
        name="Gmina Nasielsk", slug="gmina-nasielsk", kind=InstitutionKind.choices[0][0], gmina=Gmina.choices[0][0]
    )
    return [
        "/",
        "/aktualnosci/",
        post.get_absolute_url(),
        "/spotkania/",
        "/partnerzy/",
        f"/partnerzy/?gmina={Gmina.choices[0][0]}",
        "/kontakt/",
        "/konto/",
    ]


def _current_links(html):
    header = html.split("</header>")[0]
    return re.findall(r'<a [^>]*href="([^"]*)"[^>]*aria-current="page"', header)


def test_the_current_menu_link_follows_the_page(client, pages):
    for _ in range(2):  # rendered, then from the page cache
        assert _current_links(client.get("/aktualnosci/").text) == ["/aktualnosci/"]
        assert _current_links(client.get("/spotkania/").text) == ["/spotkania/"]
        assert _current_links(client.get("/").text) == ["/"]


def test_the_header_knows_who_reads(client, bob):
    assert "Zaloguj się" in client.get("/kontakt/").text
    client.force_login(bob)
    html = client.get("/kontakt/").text
    assert "Moje konto" in html
    assert "Zaloguj się" not in html


def test_a_menu_change_shows_on_the_next_page(client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        item = MenuItem.objects.create(label="Aktualności", section=MenuItem.Section.NEWS, position=1)
    assert ">Aktualności</a>" in client.get("/kontakt/").text
    with django_capture_on_commit_callbacks(execute=True):
        item.label = "Wiadomości"
        item.save()
    html = client.get("/kontakt/").text
    assert ">Wiadomości</a>" in html
    assert ">Aktualności</a>" not in html


def test_a_coordinator_edit_shows_in_the_footer_at_once(client, db, django_capture_on_commit_callbacks):
    client.get("/")
    with django_capture_on_commit_callbacks(execute=True):
        Coordinator.objects.update_or_create(pk=1, defaults={"name": OFFICE})
    assert OFFICE in client.get("/").text.split("<footer")[1]


def test_the_newsletter_box_names_each_page_as_its_source(client, pages):
    for _ in range(2):
        for url in ["/aktualnosci/", "/spotkania/"]:
            html = client.get(url).text
            assert f'name="source" value="{url}"' in html
            assert 'name="csrfmiddlewaretoken"' in html.split('class="newsletter-box"')[1]


def _trail(html):
    nav = html.split('aria-label="Ścieżka nawigacji"')[1].split("</nav>")[0]
    return [label.strip() for label in re.findall(r">([^<]+)<", nav) if label.strip()]


def test_one_address_keeps_a_trail_per_page_it_shows(client, make_post):
    # A missing post's address, then the same address once the post exists: each answer has its own trail.
    assert "Nie znaleziono strony" in _trail(client.get("/aktualnosci/dozynki/").text)
    make_post(title="Dożynki w Nasielsku", slug="dozynki")
    assert _trail(client.get("/aktualnosci/dozynki/").text)[-1] == "Dożynki w Nasielsku"

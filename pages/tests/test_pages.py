import pytest

from pages.models import Coordinator, Page


def test_privacy_policy_page_renders(client, db):
    Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci", body="<p>Administrator danych</p>")
    response = client.get("/polityka-prywatnosci/")
    assert response.status_code == 200
    assert "<h1>Polityka prywatności</h1>" in response.text
    assert '<h2 id="metryczka-naglowek">Metryczka</h2>' in response.text


def test_unpublished_page_is_404(client, db):
    Page.objects.create(title="Szkic", slug="szkic", is_published=False)
    assert client.get("/szkic/").status_code == 404


def test_partnership_pages_share_a_section_menu(client, db):
    Page.objects.create(title="Cele", slug="cele", section=Page.Section.PARTNERSHIP, position=2)
    Page.objects.create(title="Czym jest", slug="czym-jest", section=Page.Section.PARTNERSHIP, position=1)
    response = client.get("/partnerstwo/cele/")
    assert response.status_code == 200
    menu = response.text.split('class="section-nav"')[1].split("</nav>")[0]
    assert menu.index("Czym jest") < menu.index(">Cele<")
    assert client.get("/cele/").status_code == 404


def test_base_layout_is_polish_and_accessible(client, db):
    html = client.get("/").text
    assert '<html lang="pl">' in html
    assert '<a class="skip-link" href="#tresc">Przejdź do treści</a>' in html
    assert '<main id="tresc"' in html
    assert "Partnerstwo Lokalne Powiatu Nowodworskiego" in html


def test_no_third_party_resources(client, db):
    import re

    html = client.get("/").text
    html = re.sub(r'<link rel="canonical"[^>]*>', "", html)  # an address, not a resource to load
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not url.startswith(("http://", "https://", "//")), url


def test_footer_shows_only_filled_contact_details(client, db):
    Coordinator.objects.create(name="Powiatowy Urząd Pracy", phone="", email="pup@example.gov.pl")
    html = client.get("/").text
    assert "pup@example.gov.pl" in html
    assert "tel." not in html


def test_footer_hides_empty_contact_block(client, db):
    Coordinator.objects.create(name="")
    assert "Koordynator partnerstwa" not in client.get("/").text


@pytest.mark.parametrize("url", ["/nie-ma-takiej-strony/", "/aktualnosci/nie-ma/", "/aktualnosci/kategoria/nie-ma/"])
def test_unknown_addresses_get_polish_404(client, db, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.text


def test_server_error_page_needs_no_database(rf, db, django_assert_num_queries):
    from pages.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Błąd serwera" in response.content.decode()


def test_bad_host_gets_400(client, db):
    response = client.get("/", headers={"host": "evil.example"})
    assert response.status_code == 400


def test_favicon_is_ours_and_local(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/").text

"""The header: the logo lockup staff upload, and links to the office's site and BIP only when filled in."""

import pytest
from django.core.files.base import ContentFile

from conftest import image_bytes
from pages.models import Coordinator


@pytest.fixture
def coordinator(db):
    return Coordinator.objects.create(pk=1)


def test_without_a_logo_the_header_shows_the_name_alone_and_no_invented_links(client, coordinator):
    html = client.get("/").content.decode()
    assert "brand-mark" not in html and ">PL<" not in html  # no letters standing in for a logo
    # The wordmark: the name set as text, in two lines.
    assert (
        '<span class="brand-text"><span class="brand-name">Partnerstwo Lokalne</span> '
        '<span class="brand-area">Powiatu Nowodworskiego</span></span>'
    ) in html
    assert "BIP" not in html
    assert "office-links" not in html


def test_links_to_the_offices_site_and_bip_appear_once_staff_fill_them_in(client, coordinator):
    coordinator.website = "https://pup.example.gov.pl/"
    coordinator.bip_url = "https://pup.example.gov.pl/bip/"
    coordinator.save()
    html = client.get("/aktualnosci/").content.decode()
    assert '<a href="https://pup.example.gov.pl/">Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim</a>' in html
    assert 'href="https://pup.example.gov.pl/bip/"' in html


def test_an_uploaded_logo_replaces_the_mark_with_its_alt_text_and_size(client, coordinator):
    coordinator.logo = ContentFile(image_bytes("PNG", size=(120, 96)), name="logo.png")
    coordinator.logo_alt = "Logo Powiatowego Urzędu Pracy"
    coordinator.save()
    html = client.get("/").content.decode()
    assert 'alt="Logo Powiatowego Urzędu Pracy" width="120" height="96"' in html
    assert "brand-mark" not in html


def test_admin_refuses_a_logo_without_alt_text(client, alice, coordinator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(alice)
    url = f"/admin/pages/coordinator/{coordinator.pk}/change/"
    form = {"name": coordinator.name, "logo": SimpleUploadedFile("logo.png", image_bytes("PNG"), "image/png")}
    response = client.post(url, form)
    assert response.status_code == 200
    assert "Podaj tekst alternatywny logo." in response.content.decode()
    coordinator.refresh_from_db()
    assert not coordinator.logo

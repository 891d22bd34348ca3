"""The home page: a lead with an optional illustration, news tiles with thumbnails, partners' logos."""

import re

from django.core.files.base import ContentFile

from conftest import image_bytes
from members.models import Institution
from pages.models import Coordinator


def test_the_heading_says_what_the_partnership_does_not_only_its_name(client, db, settings):
    html = client.get("/").text
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html).group(1)
    assert h1 == "Razem na rzecz nowodworskiego rynku pracy"
    assert h1 != settings.SITE_NAME


def test_a_staff_chosen_illustration_stands_beside_the_lead_with_its_alt_text(client, db):
    Coordinator.objects.create(
        pk=1,
        home_image=ContentFile(image_bytes(size=(1200, 800)), name="nasielsk.jpg"),
        home_image_alt="Rynek w Nasielsku latem",
    )
    html = client.get("/").text
    assert 'alt="Rynek w Nasielsku latem" width="1200" height="800"' in html


def test_news_tiles_show_server_made_thumbnails_with_srcset_and_size(client, make_post):
    post = make_post(
        title="Staże",
        image=ContentFile(image_bytes(size=(1600, 900)), name="staz.jpg"),
        image_alt="Stażystka przy biurku",
    )
    assert (post.thumbnail_width, post.thumbnail_height) == (400, 225)
    html = client.get("/").text
    img = re.search(r'<img class="card-image"[^>]*>', html).group(0)
    assert f'src="{post.thumbnail.url}"' in img
    assert f"{post.thumbnail_2x.url} 2x" in img
    assert 'width="400" height="225"' in img
    assert "-miniatura" in post.thumbnail.name


def test_an_unchanged_illustration_keeps_its_thumbnails_and_a_removed_one_drops_them(make_post):
    post = make_post(image=ContentFile(image_bytes(size=(800, 600)), name="a.jpg"), image_alt="Sala")
    first = post.thumbnail.name
    post.title = "Nowy tytuł"
    post.save()
    assert post.thumbnail.name == first
    post.image, post.image_alt = "", ""
    post.save()
    assert not post.thumbnail and not post.thumbnail_2x


def test_every_partner_appears_by_name_with_its_logo_where_one_was_uploaded(client, db):
    Institution.objects.create(
        name="Gmina Leoncin",
        kind="urzad-gminy",
        gmina="leoncin",
        logo=ContentFile(image_bytes("PNG", size=(120, 60)), name="leoncin.png"),
        logo_alt="Logo Gminy Leoncin",
    )
    Institution.objects.create(name="Gmina Czosnów", kind="urzad-gminy", gmina="czosnow")
    Institution.objects.create(name="Gmina Ukryta", kind="urzad-gminy", gmina="czosnow", is_published=False)
    html = client.get("/").text
    partners = html.split('class="home-partner-list"')[1].split("</ul>")[0]
    # Names in order; the logo beside its name has an empty alt, so the link is not read twice.
    assert re.findall(r"<span>(.*?)</span>", partners) == ["Gmina Czosnów", "Gmina Leoncin"]
    assert '<a href="/partnerzy/gmina-leoncin/"><img src="' in partners
    assert 'alt=""' in partners and partners.count("<img") == 1
    assert "Ukryta" not in html


def test_no_partner_section_without_published_partners(client, db):
    assert "home-partner-list" not in client.get("/").text

"""Staff edit the home page's introduction, illustration and blocks in the admin („Strona główna”)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import image_bytes
from pages.models import Coordinator, HomeBlock


def block_order(html):
    ids = {"najnowsze": "aktualnosci", "spotkania": "spotkania", "partnerzy": "partnerzy"}
    main = html.split('<main id="tresc"')[1]
    found = [(main.find(f'<h2 id="{h}"'), kind) for h, kind in ids.items() if f'<h2 id="{h}"' in main]
    return [kind for _, kind in sorted(found)]


def home_form(blocks=(), **fields):
    """The home page's admin form: its fields, the blocks' rows (block, position, shown), no notices or tiles."""
    data = {
        "home_heading": "Razem",
        "home_intro": "<p>Wstęp.</p>",
        "home_image_alt": "",
        "home_news_count": "5",
        "home_meetings_count": "3",
        "home_tiles_heading": "Przydatne odnośniki",
        "home_blocks-TOTAL_FORMS": str(len(blocks)),
        "home_blocks-INITIAL_FORMS": str(len(blocks)),
        "announcements-TOTAL_FORMS": "0",
        "announcements-INITIAL_FORMS": "0",
        "home_tiles-TOTAL_FORMS": "0",
        "home_tiles-INITIAL_FORMS": "0",
    }
    for n, (block, position, shown) in enumerate(blocks):
        data |= {f"home_blocks-{n}-id": str(block.pk), f"home_blocks-{n}-home": "1"}
        data |= {f"home_blocks-{n}-position": str(position)}
        if shown:
            data[f"home_blocks-{n}-is_shown"] = "on"
    return data | fields


@pytest.fixture
def home(db, make_institution):
    make_institution(logo=SimpleUploadedFile("logo.png", image_bytes("PNG")), logo_alt="Logo")
    home = Coordinator.objects.create()
    HomeBlock.ensure_for(home)
    return home


def test_the_demo_home_page_is_todays(client, home):
    html = client.get("/").text
    assert '<h1 id="wstep">Razem na rzecz nowodworskiego rynku pracy</h1>' in html
    assert "działają wspólnie na rzecz ożywienia społeczno-gospodarczego" in html
    assert block_order(html) == ["aktualnosci", "spotkania", "partnerzy"]


def test_staff_rewrite_the_introduction_and_unsafe_html_is_removed(admin_client, client, home):
    blocks = [(block, block.position, True) for block in HomeBlock.objects.order_by("position")]
    data = home_form(
        blocks,
        home_heading="Witamy w partnerstwie",
        home_intro='<p>Nowy wstęp.</p><script>alert(1)</script><p onclick="x()">Drugi akapit.</p>',
    )
    response = admin_client.post("/admin/pages/homepage/1/change/", data)
    assert response.status_code == 302
    html = client.get("/").text
    assert '<h1 id="wstep">Witamy w partnerstwie</h1>' in html
    assert "<p>Nowy wstęp.</p>" in html and "<p>Drugi akapit.</p>" in html
    assert "alert(1)" not in html and "onclick" not in html


def test_staff_move_and_hide_blocks(admin_client, client, home):
    news, meetings, partners = (HomeBlock.objects.get(kind=k) for k in ("aktualnosci", "spotkania", "partnerzy"))
    rows = [(partners, 1, True), (news, 2, True), (meetings, 3, False)]
    assert admin_client.post("/admin/pages/homepage/1/change/", home_form(rows)).status_code == 302
    assert block_order(client.get("/").text) == ["partnerzy", "aktualnosci"]


def test_a_hidden_block_costs_no_query(client, home, django_assert_num_queries, cold_render):
    HomeBlock.objects.exclude(kind="aktualnosci").update(is_shown=False)
    with django_assert_num_queries(4):  # the frame (coordinator, menu), the blocks and the news
        client.get("/")


def test_an_illustration_needs_alt_text(admin_client, home):
    response = admin_client.post(
        "/admin/pages/homepage/1/change/",
        home_form(home_image=SimpleUploadedFile("foto.jpg", image_bytes("JPEG", size=(1200, 600)))),
    )
    assert response.status_code == 200
    assert "Podaj tekst alternatywny ilustracji." in response.text


def test_the_logo_wall_on_the_partners_page_is_a_list_of_named_links(client, make_institution, db):
    make_institution(
        name="Gmina Leoncin",
        slug="gmina-leoncin",
        logo=SimpleUploadedFile("l.png", image_bytes("PNG")),
        logo_alt="Herb",
    )
    make_institution(name="Gmina Czosnów", slug="gmina-czosnow")
    html = client.get("/partnerzy/").text
    wall = html.split('<section aria-labelledby="logo-partnerow"')[1].split("</section>")[0]
    assert '<h2 id="logo-partnerow">Logo partnerów</h2>' in wall
    assert '<li><a href="/partnerzy/gmina-leoncin/"><img src=' in wall
    assert 'alt="Gmina Leoncin"' in wall
    assert "Czosnów" not in wall


def test_no_logo_wall_when_no_partner_has_a_logo(client, make_institution, db):
    make_institution(name="Gmina Czosnów")
    assert "logo-partnerow" not in client.get("/partnerzy/").text

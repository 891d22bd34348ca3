"""Staff shape the main menu in the admin; the header, the mobile menu and the footer follow it."""

import re

import pytest

from pages.models import MenuItem, Page


def header_links(html):
    nav = html.split('aria-label="Menu główne"')[1].split("</nav>")[0]
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)


def footer_links(html):
    nav = html.split('aria-label="Na skróty"')[1].split("</nav>")[0]
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)


TODAYS_MENU = [
    ("/aktualnosci/", "Aktualności"),
    ("/spotkania/", "Spotkania"),
    ("/porozumienie/", "Porozumienie"),
    ("/partnerzy/", "Partnerzy"),
    ("/partnerstwo/", "O partnerstwie"),
]


def test_before_staff_make_a_menu_the_header_shows_todays_menu(client, db):
    assert header_links(client.get("/").text) == TODAYS_MENU


def test_demo_seeding_creates_todays_menu_once(db):
    from django.core.management import call_command

    call_command("seed_demo", stdout=open("/dev/null", "w"))
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert [(i.label, i.href) for i in MenuItem.objects.all()] == [(label, href) for href, label in TODAYS_MENU]


def test_menu_items_lead_to_a_page_a_section_or_an_address_in_staffs_order(client, db):
    contact_page = Page.objects.create(title="Dojazd", slug="dojazd")
    MenuItem.objects.create(label="Jak dojechać", page=contact_page, position=30)
    MenuItem.objects.create(label="Wiadomości", section=MenuItem.Section.NEWS, position=10)
    MenuItem.objects.create(label="Urząd pracy", url="https://pup.example.gov.pl/", position=20)
    html = client.get("/").text
    expected = [
        ("/aktualnosci/", "Wiadomości"),
        ("https://pup.example.gov.pl/", "Urząd pracy"),
        ("/dojazd/", "Jak dojechać"),
    ]
    assert header_links(html) == expected
    assert footer_links(html) == expected  # the footer follows the same menu


def test_a_menu_item_of_an_unpublished_page_is_left_out(client, db):
    hidden = Page.objects.create(title="W przygotowaniu", slug="w-przygotowaniu", is_published=False)
    MenuItem.objects.create(label="W przygotowaniu", page=hidden, position=1)
    MenuItem.objects.create(label="Spotkania", section=MenuItem.Section.MEETINGS, position=2)
    assert header_links(client.get("/").text) == [("/spotkania/", "Spotkania")]


def test_the_section_the_reader_is_in_is_marked_current(client, db, make_post):
    MenuItem.objects.create(label="Aktualności", section=MenuItem.Section.NEWS, position=1)
    MenuItem.objects.create(label="Spotkania", section=MenuItem.Section.MEETINGS, position=2)
    post = make_post()
    html = client.get(post.get_absolute_url()).text
    assert '<a href="/aktualnosci/" aria-current="page">Aktualności</a>' in html
    assert '<a href="/spotkania/">Spotkania</a>' in html


def test_staff_reorder_and_rename_the_menu_in_the_admin_list(admin_client, client, db):
    news = MenuItem.objects.create(label="Aktualności", section=MenuItem.Section.NEWS, position=10)
    meetings = MenuItem.objects.create(label="Spotkania", section=MenuItem.Section.MEETINGS, position=20)
    response = admin_client.post(
        "/admin/pages/menuitem/",
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": str(news.pk),
            "form-0-position": "30",
            "form-1-id": str(meetings.pk),
            "form-1-position": "5",
            "_save": "Zapisz",
        },
    )
    assert response.status_code == 302
    response = admin_client.post(
        f"/admin/pages/menuitem/{meetings.pk}/change/",
        {
            "label": "Nasze spotkania",
            "position": "5",
            "section": "meetings:list",
            "url": "",
            "page": "",
            # Its submenu's rows (none).
            "children-TOTAL_FORMS": "0",
            "children-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert header_links(client.get("/").text) == [("/spotkania/", "Nasze spotkania"), ("/aktualnosci/", "Aktualności")]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"section": "", "url": ""}, "Wybierz jedno miejsce, do którego prowadzi pozycja"),
        ({"section": "news:list", "url": "/aktualnosci/"}, "Wybierz jedno miejsce, do którego prowadzi pozycja"),
        ({"section": "", "url": "javascript:alert(1)"}, "Podaj adres zaczynający się od ukośnika"),
        ({"section": "", "url": "//obca.example/"}, "Podaj adres zaczynający się od ukośnika"),
        # Browsers read a backslash as a slash and drop tabs: both lead to another host.
        ({"section": "", "url": "/\\evil.example/"}, "nie może zawierać ukośnika odwrotnego „\\”"),
        ({"section": "", "url": "/\t/evil.example/"}, "ani znaków sterujących"),
        ({"section": "", "url": "/\\\\evil.example/"}, "nie może zawierać ukośnika odwrotnego"),
        ({"section": "", "url": "/aktualnosci/\n/evil"}, "ani znaków sterujących"),
        ({"section": "", "url": "/a\x1bb/"}, "ani znaków sterujących"),
        ({"section": "", "url": "/aktualnosci\\..\\"}, "nie może zawierać ukośnika odwrotnego"),
    ],
)
def test_a_menu_item_without_exactly_one_proper_target_is_refused_in_polish(admin_client, db, fields, message):
    response = admin_client.post(
        "/admin/pages/menuitem/add/", {"label": "Pozycja", "position": "1", "page": "", **fields}
    )
    assert response.status_code == 200
    assert message in response.text
    assert not MenuItem.objects.exists()


@pytest.mark.parametrize("count", [1, 40])
def test_the_menu_costs_one_query_however_long(client, db, django_assert_num_queries, count, cold_render):
    pages = Page.objects.bulk_create(Page(title=f"Strona {i}", slug=f"s-{i}", url_path=f"s-{i}") for i in range(count))
    MenuItem.objects.bulk_create(MenuItem(label=p.title, page=p, position=n) for n, p in enumerate(pages))
    Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci")
    # the page's branch, its attachments, its register, the coordinator and the menu
    with django_assert_num_queries(5):
        response = client.get("/polityka-prywatnosci/")
    assert len(header_links(response.text)) == count


@pytest.mark.parametrize("url", ["/\\evil.example/", "/\t/evil.example/", "/\r\n/evil.example/"])
def test_an_address_a_browser_reads_as_another_host_is_never_treated_as_internal(url):
    from pages.frame import MenuLink
    from pages.models import is_internal_address

    assert not is_internal_address(url)
    assert MenuLink("Zła", url).is_external
    assert not MenuLink("Dobra", "/aktualnosci/").is_external

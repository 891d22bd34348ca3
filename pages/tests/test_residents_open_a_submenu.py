"""A top item of the main menu with a submenu: a disclosure on wide screens, nested lists everywhere else."""

import re

import pytest

from pages.models import MenuItem, Page


@pytest.fixture
def menu(db):
    partnership = MenuItem.objects.create(label="O partnerstwie", section=MenuItem.Section.PARTNERSHIP, position=20)
    MenuItem.objects.create(label="Aktualności", section=MenuItem.Section.NEWS, position=10)
    goals = Page.objects.create(title="Cele partnerstwa", slug="cele", section=Page.Section.PARTNERSHIP)
    MenuItem.objects.create(label="Cele", page=goals, parent=partnership, position=2)
    MenuItem.objects.create(label="Partnerzy", section=MenuItem.Section.PARTNERS, parent=partnership, position=1)
    return partnership


def header(html):
    return html.split('aria-label="Menu główne"')[1].split("</nav>")[0]


def test_the_submenu_is_a_nested_list_with_a_disclosure_button_javascript_reveals(client, menu):
    nav = header(client.get("/").text)
    item = nav.split('class="has-submenu"')[1].split("</ul>")[0]
    assert '<a href="/partnerstwo/">O partnerstwie</a>' in item
    assert (
        '<button type="button" class="submenu-toggle" aria-expanded="false" aria-controls="podmenu-2" hidden>'
        '<span class="visually-hidden">Podmenu: O partnerstwie</span></button>'
    ) in item
    assert re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', item.split('id="podmenu-2"')[1]) == [
        ("/partnerzy/", "Partnerzy"),
        ("/partnerstwo/cele/", "Cele"),
    ]


def test_the_footer_lists_the_submenu_under_its_top_item(client, menu):
    footer = client.get("/").text.split('aria-label="Na skróty"')[1].split("</nav>")[0]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer) == [
        ("/aktualnosci/", "Aktualności"),
        ("/partnerstwo/", "O partnerstwie"),
        ("/partnerzy/", "Partnerzy"),
        ("/partnerstwo/cele/", "Cele"),
    ]
    assert '<ul><li><a href="/partnerzy/">' in footer


def test_a_submenu_link_is_marked_current_and_its_top_item_holds_it(client, menu):
    nav = header(client.get("/partnerstwo/cele/").text)
    assert '<a href="/partnerstwo/cele/" aria-current="page">Cele</a>' in nav
    assert '<li class="has-submenu holds-current">' in nav
    assert '<a href="/partnerstwo/">O partnerstwie</a>' in nav


def test_a_submenu_item_of_an_unpublished_page_and_the_submenu_of_a_hidden_item_are_left_out(client, menu):
    Page.objects.filter(slug="cele").update(is_published=False)
    hidden = Page.objects.create(title="W przygotowaniu", slug="w-przygotowaniu", is_published=False)
    top = MenuItem.objects.create(label="W przygotowaniu", page=hidden, position=30)
    MenuItem.objects.create(label="Kontakt", section=MenuItem.Section.CONTACT, parent=top)
    nav = header(client.get("/").text)
    assert "Cele" not in nav
    assert "Kontakt" not in nav
    assert "Partnerzy" in nav


def test_the_submenus_css_and_javascript_are_linked_only_when_the_menu_has_a_submenu(client, db):
    MenuItem.objects.create(label="Aktualności", section=MenuItem.Section.NEWS)
    html = client.get("/").text
    assert "submenu.css" not in html and "submenu.js" not in html
    assert "has-submenu" not in html


def test_the_submenus_css_and_javascript_are_linked_with_a_submenu(client, menu):
    html = client.get("/").text
    assert re.search(r'<link rel="stylesheet" href="/static/css/submenu\.css[^"]*">', html)
    assert re.search(r'<script src="/static/js/submenu\.js[^"]*" defer></script>', html)


def test_the_header_with_submenus_runs_as_many_queries_as_without(client, db, cold_render, django_assert_num_queries):
    # The contact page: the frame's two queries (the coordinator, the menu with its submenus) and
    # the institutions with contact details.
    MenuItem.objects.create(label="Aktualności", section=MenuItem.Section.NEWS)
    with django_assert_num_queries(3):
        assert client.get("/kontakt/").status_code == 200
    top = MenuItem.objects.create(label="O partnerstwie", section=MenuItem.Section.PARTNERSHIP)
    for i in range(12):
        page = Page.objects.create(title=f"Strona {i}", slug=f"strona-{i}")
        MenuItem.objects.create(label=f"Strona {i}", page=page, parent=top, position=i)
    with django_assert_num_queries(3):
        html = client.get("/kontakt/").text
    assert html.count('href="/strona-') == 2 * 12  # header and footer

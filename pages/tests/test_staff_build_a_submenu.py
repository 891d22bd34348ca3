"""Staff put menu items under a top item (one level of submenus) in the admin, in their order."""

import re

import pytest
from django.core.exceptions import ValidationError

from pages.models import MenuItem, Page


@pytest.fixture
def partnership(db):
    return MenuItem.objects.create(label="O partnerstwie", section=MenuItem.Section.PARTNERSHIP, position=10)


def inline_data(parent, rows):
    data = {
        "label": parent.label,
        "parent": "",
        "position": str(parent.position),
        "page": "",
        "section": parent.section,
        "url": "",
        "children-TOTAL_FORMS": str(len(rows)),
        "children-INITIAL_FORMS": "0",
        "children-MIN_NUM_FORMS": "0",
        "children-MAX_NUM_FORMS": "1000",
    }
    for i, (label, position, url) in enumerate(rows):
        data |= {
            f"children-{i}-label": label,
            f"children-{i}-position": str(position),
            f"children-{i}-url": url,
            f"children-{i}-section": "",
            f"children-{i}-page": "",
        }
    return data


def test_staff_add_submenu_items_on_the_top_items_page_in_their_order(admin_client, partnership):
    response = admin_client.post(
        f"/admin/pages/menuitem/{partnership.pk}/change/",
        inline_data(partnership, [("Porozumienie", 20, "/porozumienie/"), ("Partnerzy", 10, "/partnerzy/")]),
        follow=True,
    )
    assert response.status_code == 200
    assert "errornote" not in response.text
    assert [(item.label, item.parent) for item in MenuItem.objects.filter(parent=partnership)] == [
        ("Partnerzy", partnership),
        ("Porozumienie", partnership),
    ]


def test_the_menu_list_shows_each_top_item_followed_by_its_submenu(admin_client, partnership):
    news = MenuItem.objects.create(label="Aktualności", section=MenuItem.Section.NEWS, position=5)
    MenuItem.objects.create(label="Partnerzy", url="/partnerzy/", position=1, parent=partnership)
    MenuItem.objects.create(label="Kontakt", section=MenuItem.Section.CONTACT, position=20)
    table = admin_client.get("/admin/pages/menuitem/").text.split('id="result_list"')[1]
    rows = re.findall(r'<th class="field-label"><a href="[^"]+">([^<]+)</a>', table)
    assert rows == ["Aktualności", "O partnerstwie", "Partnerzy", "Kontakt"]
    assert news.parent is None


def test_an_item_in_a_submenu_cannot_have_a_submenu_of_its_own(partnership):
    child = MenuItem.objects.create(label="Partnerzy", url="/partnerzy/", parent=partnership)
    grandchild = MenuItem(label="Gminy", url="/partnerzy/?rodzaj=urzad-gminy", parent=child)
    with pytest.raises(ValidationError) as error:
        grandchild.full_clean()
    assert error.value.message_dict["parent"] == [
        "Pozycja „Partnerzy” jest już w podmenu: podmenu ma tylko jeden poziom."
    ]


def test_an_item_with_a_submenu_cannot_go_into_another_submenu(partnership):
    MenuItem.objects.create(label="Partnerzy", url="/partnerzy/", parent=partnership)
    news = MenuItem.objects.create(label="Aktualności", section=MenuItem.Section.NEWS)
    partnership.parent = news
    with pytest.raises(ValidationError) as error:
        partnership.full_clean()
    assert error.value.message_dict["parent"] == [
        "Ta pozycja ma własne podmenu, więc nie może trafić do podmenu innej pozycji."
    ]


def test_the_admin_offers_only_top_items_as_a_parent_and_refuses_a_crafted_one(admin_client, partnership):
    child = MenuItem.objects.create(label="Partnerzy", url="/partnerzy/", parent=partnership)
    form = admin_client.get("/admin/pages/menuitem/add/").text
    select = form.split('name="parent"')[1].split("</select>")[0]
    assert "O partnerstwie" in select
    assert "Partnerzy" not in select
    response = admin_client.post(
        "/admin/pages/menuitem/add/",
        {"label": "Gminy", "parent": str(child.pk), "position": "1", "url": "/partnerzy/", **_no_children()},
    )
    assert response.status_code == 200
    assert "Wybierz pozycję główną menu: podmenu ma tylko jeden poziom." in response.text
    assert not MenuItem.objects.filter(label="Gminy").exists()


def test_a_submenu_item_has_no_submenu_rows_on_its_page(admin_client, partnership):
    child = MenuItem.objects.create(label="Partnerzy", url="/partnerzy/", parent=partnership)
    assert "children-TOTAL_FORMS" not in admin_client.get(f"/admin/pages/menuitem/{child.pk}/change/").text
    assert "children-TOTAL_FORMS" in admin_client.get(f"/admin/pages/menuitem/{partnership.pk}/change/").text


def test_a_submenu_edit_renews_the_cached_pages(client, partnership, django_capture_on_commit_callbacks):
    page = Page.objects.create(title="Cele partnerstwa", slug="cele", section=Page.Section.PARTNERSHIP)
    assert "Cele partnerstwa</a>" not in client.get("/aktualnosci/").text
    with django_capture_on_commit_callbacks(execute=True):
        item = MenuItem.objects.create(label="Cele partnerstwa", page=page, parent=partnership)
    assert 'href="/partnerstwo/cele/">Cele partnerstwa</a>' in client.get("/aktualnosci/").text
    with django_capture_on_commit_callbacks(execute=True):
        item.label = "Nasze cele"
        item.save()
    assert ">Nasze cele</a>" in client.get("/aktualnosci/").text


def _no_children():
    return {
        "children-TOTAL_FORMS": "0",
        "children-INITIAL_FORMS": "0",
        "children-MIN_NUM_FORMS": "0",
        "children-MAX_NUM_FORMS": "1000",
    }

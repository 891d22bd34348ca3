"""The Redaktor role edits the menu, the home page and the page tree, and nothing of the coordinator's data."""

import pytest
from django.contrib.auth.models import Group

from accounts.roles import REDAKTOR
from pages.models import Coordinator, HomeBlock, MenuItem


@pytest.fixture
def editor(db, django_user_model, client):
    user = django_user_model.objects.create_user(
        username="redaktorka@pup.example", email="redaktorka@pup.example", password="x" * 12, is_staff=True
    )
    user.groups.add(Group.objects.get(name=REDAKTOR))
    client.force_login(user)
    return client


def test_an_editor_adds_a_menu_item_and_it_shows_in_the_header(editor):
    response = editor.post(
        "/admin/pages/menuitem/add/",
        {
            "label": "Kontakt",
            "position": "90",
            "page": "",
            "section": "contact",
            "url": "",
            "children-TOTAL_FORMS": "0",  # its submenu: none
            "children-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert MenuItem.objects.get().href == "/kontakt/"
    assert '<li><a href="/kontakt/">Kontakt</a></li>' in editor.get("/").text


def test_an_editor_opens_the_home_page_and_the_list_of_old_addresses(editor):
    HomeBlock.ensure_for(Coordinator.objects.create())
    assert editor.get("/admin/pages/homepage/1/change/").status_code == 200
    assert editor.get("/admin/pages/pageredirect/").status_code == 200
    assert editor.get("/admin/pages/coordinator/1/change/").status_code == 200  # the contacts are content too
    assert editor.get("/admin/newsletter/issue/").status_code == 403

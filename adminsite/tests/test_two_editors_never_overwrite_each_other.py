"""Two people open one item; the later save is refused, keeps what was typed, and says what changed.

Every content admin carries the check (core/admin_mixins.EditConflictAdminMixin); the sweep
changes one field of each item behind the form's back and posts the stale form.
"""

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from adminsite.tests.forms import change_form_data
from core.admin_mixins import EditConflictAdminMixin
from news.models import Post

REFUSED = "Nie zapisano zmian: w czasie edycji zapisano nowszą wersję"
CONTENT_MODELS = {
    "news.post",
    "pages.page",
    "pages.homepage",
    "pages.coordinator",
    "pages.accessibilitystatement",
    "pages.menuitem",
    "meetings.meeting",
    "meetings.report",
    "members.institution",
    "agreement.agreement",
}


@pytest.fixture
def carol(db, django_user_model):
    """A second member of staff, editing at the same time as Alice."""
    return django_user_model.objects.create_user(
        username="carol@pup.example",
        email="carol@pup.example",
        password="carol-haslo-123",
        first_name="Karolina",
        last_name="Nowak",
        is_staff=True,
        is_superuser=True,
    )


def test_every_content_admin_checks_for_a_later_save():
    checked = {
        model._meta.label_lower for model, ma in admin.site._registry.items() if isinstance(ma, EditConflictAdminMixin)
    }
    assert CONTENT_MODELS <= checked


def test_the_later_save_is_refused_and_keeps_what_was_typed(client, alice, carol, make_post, django_user_model):
    post = make_post(lead="Zajawka pierwsza.")
    url = reverse("admin:news_post_change", args=[post.pk])
    carols = client.__class__()
    carols.force_login(carol)
    client.force_login(alice)
    alices_form = change_form_data(client.get(url))
    carols_form = change_form_data(carols.get(url))

    carols_form["lead"] = "Zajawka Karoliny."
    assert carols.post(url, carols_form).status_code == 302

    alices_form["body"] = "<p>Tekst, który pisała Alicja.</p>"
    refused = client.post(url, alices_form)
    assert refused.status_code == 200
    assert REFUSED in refused.text
    assert "Karolina Nowak" in refused.text
    assert re.search(r"Zmieniono w niej: [^.]*zajawka", refused.text)
    assert "Tekst, który pisała Alicja." in refused.text  # nothing typed is lost
    assert "Zobacz zapisane wersje w historii zmian" in refused.text
    post.refresh_from_db()
    assert post.lead == "Zajawka Karoliny."
    assert "Alicja" not in post.body

    # Having read it, Alice saves again on purpose: her version wins, Carol's stays in the history.
    again = change_form_data(refused)
    assert client.post(url, again).status_code == 302
    post.refresh_from_db()
    assert "Tekst, który pisała Alicja." in post.body
    history = client.get(reverse("admin:news_post_history", args=[post.pk]))
    assert "Karolina Nowak" in history.text


def test_the_compare_link_shows_what_the_other_person_changed(client, alice, carol, make_post):
    post = make_post(lead="Zajawka pierwsza.")
    url = reverse("admin:news_post_change", args=[post.pk])
    client.force_login(alice)
    assert client.post(url, change_form_data(client.get(url))).status_code == 302  # a first version
    alices_form = change_form_data(client.get(url))
    carols = client.__class__()
    carols.force_login(carol)
    carols_form = change_form_data(carols.get(url))
    carols_form["lead"] = "Zajawka Karoliny."
    carols.post(url, carols_form)

    refused = client.post(url, alices_form)
    link = refused.text.split("Porównaj wersję otwartą")[0].rsplit('href="', 1)[1].split('"')[0]
    compare = client.get(link.replace("&amp;", "&"))
    assert compare.status_code == 200
    assert "<h3>Zajawka</h3>" in compare.text and "Karoliny" in compare.text


def test_a_save_without_a_change_in_between_goes_through(client, alice, make_post):
    post = make_post()
    url = reverse("admin:news_post_change", args=[post.pk])
    client.force_login(alice)
    data = change_form_data(client.get(url))
    data["title"] = "Nowy tytuł"
    assert client.post(url, data).status_code == 302
    assert Post.objects.get(pk=post.pk).title == "Nowy tytuł"


def test_a_forged_token_is_refused_with_the_same_message(client, alice, make_post):
    post = make_post()
    url = reverse("admin:news_post_change", args=[post.pk])
    client.force_login(alice)
    data = change_form_data(client.get(url))
    data["_edit_token"] = "bzdura"
    data["title"] = "Nowy tytuł"
    response = client.post(url, data)
    assert response.status_code == 200
    assert REFUSED in response.text
    assert Post.objects.get(pk=post.pk).title != "Nowy tytuł"


def test_a_change_in_an_inline_row_refuses_the_stale_form(client, alice, every_model):
    from meetings.models import AgendaItem

    item = AgendaItem.objects.order_by("pk").first()
    url = reverse("admin:meetings_meeting_change", args=[item.meeting_id])
    client.force_login(alice)
    data = change_form_data(client.get(url))
    AgendaItem.objects.filter(pk=item.pk).update(title="Punkt zmieniony w innym oknie")
    response = client.post(url, data)
    assert response.status_code == 200
    assert REFUSED in response.text
    assert "Zmieniono w niej: program spotkania." in response.text


@pytest.mark.parametrize("label", sorted(CONTENT_MODELS))
def test_every_content_form_refuses_a_stale_save(client, alice, every_model, label, django_assert_max_num_queries):
    from django.apps import apps
    from django.db import models

    model = apps.get_model(label)
    obj = model._default_manager.order_by("pk").first()
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk])
    client.force_login(alice)
    page = client.get(url)
    data = change_form_data(page)
    text_field = next(
        f
        for f in model._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField)) and not f.choices and f.name in data and f.editable
    )
    model._default_manager.filter(pk=obj.pk).update(**{text_field.name: "Zmienione w innym oknie"})
    refused = client.post(url, data)
    assert refused.status_code == 200, label
    assert REFUSED in refused.text, label
    assert str(text_field.verbose_name) in refused.text
    # The form now holds what is saved, so saving again on purpose goes through.
    assert client.post(url, change_form_data(refused)).status_code == 302, label

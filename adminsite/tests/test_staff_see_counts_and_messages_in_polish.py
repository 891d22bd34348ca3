"""Counts and messages after a staff action, for 1, 2, 5 and 22 rows: the three Polish plurals."""

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages

from adminsite.grammar import NOUNS
from news.models import Category
from newsletter.models import Subscriber
from pages.models import Page

CATEGORIES = {1: "1 kategoria", 2: "2 kategorie", 5: "5 kategorii", 22: "22 kategorie"}
CATEGORIES_ACC = {1: "1 kategorię", 2: "2 kategorie", 5: "5 kategorii", 22: "22 kategorie"}
SUBSCRIBERS = {1: "1 subskrybent", 2: "2 subskrybentów", 5: "5 subskrybentów", 22: "22 subskrybentów"}
SUBSCRIBERS_ACC = {1: "1 subskrybenta", 2: "2 subskrybentów", 5: "5 subskrybentów", 22: "22 subskrybentów"}


@pytest.fixture
def staff(client, alice):
    client.force_login(alice)
    return client


def make_categories(n):
    return [Category.objects.create(name=f"Kategoria {i}", slug=f"kategoria-{i}") for i in range(n)]


def make_subscribers(n):
    from newsletter.models import ConsentText

    consent = ConsentText.current()
    return [Subscriber.objects.create(email=f"osoba{i}@example.com", source="test", consent=consent) for i in range(n)]


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("n", [1, 2, 5, 22])
def test_the_list_counts_its_rows_in_polish(staff, n):
    make_categories(n)
    make_subscribers(n)
    assert CATEGORIES[n] in staff.get("/admin/news/category/").text
    assert SUBSCRIBERS[n] in staff.get("/admin/newsletter/subscriber/").text


@pytest.mark.parametrize("n", [1, 2, 5, 22])
def test_deleting_selected_rows_asks_and_reports_in_polish(staff, n):
    pks = [c.pk for c in make_categories(n)]
    form = {"action": "delete_selected", "_selected_action": pks}

    page = staff.post("/admin/news/category/", form)
    assert f"Czy na pewno usunąć {CATEGORIES_ACC[n]}?" in page.text

    done = staff.post("/admin/news/category/", {**form, "post": "yes"}, follow=True)
    assert f"Usunięto {CATEGORIES_ACC[n]}." in messages_of(done) or f"Usunięto {CATEGORIES_ACC[n]}." in done.text
    assert not Category.objects.exists()


@pytest.mark.parametrize("n", [1, 2, 5, 22])
def test_masculine_personal_nouns_take_the_genitive_in_counts(staff, n):
    pks = [s.pk for s in make_subscribers(n)]
    page = staff.post("/admin/newsletter/subscriber/", {"action": "delete_selected", "_selected_action": pks})
    assert f"Czy na pewno usunąć {SUBSCRIBERS_ACC[n]}?" in page.text


def test_the_action_menu_names_what_it_deletes(staff):
    make_subscribers(1)
    assert "Usuń zaznaczonych subskrybentów" in staff.get("/admin/newsletter/subscriber/").text
    make_categories(1)
    assert "Usuń zaznaczone kategorie" in staff.get("/admin/news/category/").text


@pytest.mark.parametrize("n", [2, 5, 22])
def test_select_all_names_the_count(staff, monkeypatch, n):
    make_categories(n)
    monkeypatch.setattr(admin.site.get_model_admin(Category), "list_per_page", 1)
    assert f"Zaznacz wszystkie {CATEGORIES_ACC[n]}" in staff.get("/admin/news/category/").text


def test_adding_changing_and_deleting_say_what_was_done(staff):
    added = staff.post("/admin/news/category/add/", {"name": "Wydarzenia", "slug": "wydarzenia"}, follow=True)
    category = Category.objects.get(slug="wydarzenia")
    assert "Dodano kategorię „" in added.text and "Wydarzenia</a>”." in added.text

    again = staff.post(
        "/admin/news/category/add/", {"name": "Ogłoszenia", "slug": "ogloszenia", "_addanother": "1"}, follow=True
    )
    assert "Poniżej można dodać kolejną kategorię." in again.text

    url = f"/admin/news/category/{category.pk}/change/"
    changed = staff.post(url, {"name": "Wydarzenia lokalne", "slug": "wydarzenia", "_continue": "1"}, follow=True)
    assert "Zapisano kategorię „" in changed.text
    assert "Poniżej można wprowadzić kolejne zmiany." in changed.text

    deleted = staff.post(f"/admin/news/category/{category.pk}/delete/", {"post": "yes"}, follow=True)
    assert "Usunięto kategorię „Wydarzenia lokalne”." in deleted.text


def test_a_missing_row_is_reported_in_the_genitive(staff):
    response = staff.get("/admin/news/category/999/change/", follow=True)
    assert "Nie znaleziono kategorii o identyfikatorze „999”. Być może ktoś ją usunął." in response.text


def test_the_change_form_titles_use_the_accusative(staff, alice):
    make_subscribers(1)
    assert "<h1>Dodaj kategorię</h1>" in staff.get("/admin/news/category/add/").text
    assert "<h1>Kategorie</h1>" in staff.get("/admin/news/category/").text
    assert "<h1>Wybierz kategorię</h1>" in staff.get("/admin/news/category/?_popup=1").text
    subscriber = Subscriber.objects.get()
    assert "<h1>Zmień subskrybenta</h1>" in staff.get(f"/admin/newsletter/subscriber/{subscriber.pk}/change/").text


@pytest.mark.parametrize(("n", "text"), [(1, "Zapisano zmiany w 1 wierszu."), (2, "Zapisano zmiany w 2 wierszach.")])
def test_editing_rows_in_the_list_counts_them(staff, db, n, text):
    from django.urls import reverse

    pages = [
        Page.objects.create(title=f"Strona {i}", slug=f"strona-{i}", body="<p>x</p>", position=i) for i in range(2)
    ]
    form = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2", "_save": "Zapisz"}
    for i, page in enumerate(pages):
        form |= {f"form-{i}-id": page.pk, f"form-{i}-position": 10 + i if i < n else i}
    url = reverse(f"admin:{Page._meta.app_label}_page_changelist")
    response = staff.post(url, form, follow=True)
    assert text in messages_of(response)


def test_saving_keeps_the_lists_filters(staff):
    filters = "_changelist_filters=q%3DWyd"
    added = staff.post(
        f"/admin/news/category/add/?{filters}", {"name": "Wydarzenia", "slug": "wydarzenia", "_addanother": "1"}
    )
    assert added.url == f"/admin/news/category/add/?{filters}"
    category = Category.objects.get()
    changed = staff.post(f"/admin/news/category/{category.pk}/change/?{filters}", {"name": "W", "slug": "w"})
    assert changed.url == "/admin/news/category/?q=Wyd"


def test_an_admins_own_message_after_adding_comes_before_the_polish_layer(staff):
    """StaffUserAdmin says what its invitation does; the Polish layer sits behind it (in_polish)."""
    from django.contrib.auth.models import User

    response = staff.post(
        "/admin/auth/user/add/",
        {"first_name": "Ewa", "last_name": "Nowa", "email": "ewa@pup.example", "role": "Redaktor", "_continue": "1"},
    )
    user = User.objects.get(email="ewa@pup.example")
    assert response.url == f"/admin/auth/user/{user.pk}/change/"
    assert messages_of(response) == [
        "Dodano pracownika „Ewa Nowa”. Zaproszenie z linkiem do ustawienia hasła (ważnym przez 3 dni) "
        "zostanie wysłane na adres ewa@pup.example w ciągu kilku minut."
    ]


def test_grammar_forms_follow_the_polish_plural_rule():
    page = NOUNS["pages.page"]
    assert [page.count(n) for n in (0, 1, 2, 4, 5, 12, 14, 21, 22, 25, 102, 112)] == [
        "0 stron",
        "1 strona",
        "2 strony",
        "4 strony",
        "5 stron",
        "12 stron",
        "14 stron",
        "21 stron",
        "22 strony",
        "25 stron",
        "102 strony",
        "112 stron",
    ]


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1 potwierdzony subskrybent otrzyma tę wysyłkę"),
        (2, "2 potwierdzonych subskrybentów otrzyma tę wysyłkę"),
        (5, "5 potwierdzonych subskrybentów otrzyma tę wysyłkę"),
        (22, "22 potwierdzonych subskrybentów otrzyma tę wysyłkę"),
    ],
)
def test_a_draft_issue_counts_its_recipients(staff, alice, n, text):
    from django.utils import timezone

    from newsletter.models import Issue

    for subscriber in make_subscribers(n):
        subscriber.status, subscriber.confirmed_at = Subscriber.Status.CONFIRMED, timezone.now()
        subscriber.save()
    issue = Issue.objects.create(subject="Wydanie", body="<p>x</p>", created_by=alice)
    assert text in staff.get(f"/admin/newsletter/issue/{issue.pk}/change/").text


def test_inline_add_buttons_use_the_accusative(staff):
    from adminsite.tests.test_admin_speaks_polish import visible_text

    text = visible_text(staff.get("/admin/meetings/meeting/add/").text).splitlines()
    assert "Dodaj kolejny punkt programu" in text  # below the empty row the form starts with
    assert "Dodaj relację ze spotkania" in text  # no row yet
    assert "Dodaj kolejne miejsce spotkań" in text  # the button beside „miejsce”


def test_yes_no_icons_are_described_in_polish(staff, db):
    make_subscribers(1)
    html = staff.get("/admin/newsletter/subscriber/").text
    assert 'alt="tak"' in html and 'alt="True"' not in html


def test_a_list_is_titled_with_its_plural_and_no_calque(staff):
    make_categories(1)
    html = staff.get("/admin/news/category/").text
    assert "<title>Kategorie | " in html and "do zmiany" not in html
    html = staff.get("/admin/news/post/").text
    assert "<summary>Stan publikacji</summary>" in html and "Według pola" not in html
    assert ">Szkice</a>" in html and ">Opublikowane</a>" in html  # capitalised as Django's „Wszystko”


def test_a_one_row_settings_model_opens_its_form_and_says_plainly_what_was_saved(staff):
    from newsletter.models import NewsletterSettings

    NewsletterSettings.load()
    response = staff.get("/admin/newsletter/newslettersettings/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/newsletter/newslettersettings/1/change/"
    assert staff.get("/admin/newsletter/newslettersettings/?_popup=1").status_code == 200  # picking stays a list
    data = {"post_notices_since_0": "2026-01-05", "post_notices_since_1": "10:00"}
    response = staff.post("/admin/newsletter/newslettersettings/1/change/", data, follow=True)
    assert "Zapisano ustawienia newslettera." in messages_of(response)

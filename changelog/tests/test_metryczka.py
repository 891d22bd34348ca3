import pytest

from changelog.models import ChangeRecord
from news.models import Post
from pagecache import versions
from pages.models import Coordinator, Page


@pytest.fixture
def editor(alice):
    alice.first_name, alice.last_name = "Alicja", "Redakcyjna"
    alice.save()
    return alice


@pytest.fixture
def second_editor(django_user_model):
    return django_user_model.objects.create_user(
        username="celina@pup.example",
        password="celina-haslo-123",
        is_staff=True,
        is_superuser=True,
        first_name="Celina",
        last_name="Korekta",
    )


def _post_form(**fields):
    data = {
        "title": "Nowy wpis",
        "slug": "",
        "category": "",
        "lead": "",
        "body": "<p>Treść</p>",
        "image_alt": "",
        "status": "published",
        "published_at_0": "2026-01-10",
        "published_at_1": "10:00:00",
        "author": "",
    }
    data.update(fields)
    return data


def test_saving_a_post_in_admin_records_who_and_when(client, editor, second_editor, category):
    client.force_login(editor)
    client.post("/admin/news/post/add/", _post_form(category=category.pk))
    post = Post.objects.get()
    client.force_login(second_editor)
    client.post(f"/admin/news/post/{post.pk}/change/", _post_form(category=category.pk, title="Poprawiony tytuł"))

    records = list(ChangeRecord.objects.order_by("changed_at"))
    assert [(r.editor_name, r.is_creation) for r in records] == [
        ("Alicja Redakcyjna", True),
        ("Celina Korekta", False),
    ]
    assert records[1].summary.startswith("Zmiana: Tytuł")

    html = client.get("/aktualnosci/nowy-wpis/").text
    assert "<dt>Informację wytworzył</dt><dd>Alicja Redakcyjna" in html
    assert "<dt>Opublikował</dt><dd>Alicja Redakcyjna" in html
    assert "<dt>Ostatnia zmiana</dt><dd>Celina Korekta" in html
    assert "Rejestr zmian (2 zmiany)" in html


def test_a_draft_then_published_post_names_who_published_it(client, editor, second_editor, category):
    client.force_login(editor)
    client.post("/admin/news/post/add/", _post_form(category=category.pk, status="draft"))
    post = Post.objects.get()
    client.force_login(second_editor)
    client.post(f"/admin/news/post/{post.pk}/change/", _post_form(category=category.pk, slug=post.slug))
    html = client.get(post.get_absolute_url()).text
    assert "<dt>Informację wytworzył</dt><dd>Alicja Redakcyjna" in html
    assert "<dt>Opublikował</dt><dd>Celina Korekta" in html


def test_staff_without_a_full_name_are_signed_by_the_office_until_they_have_one(client, alice, category):
    Coordinator.objects.create(pk=1)
    client.force_login(alice)
    client.post("/admin/news/post/add/", _post_form(category=category.pk))
    assert ChangeRecord.objects.get().editor_name == ""
    url = Post.objects.get().get_absolute_url()
    html = client.get(url).text
    assert "<dt>Informację wytworzył</dt><dd>Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim, <time" in html
    assert "Redakcja portalu" not in html
    assert "alice@pup.example" not in html

    # Once the account has a name (saved in the admin, whose POST renews every page), the page names the person.
    alice.first_name, alice.last_name = "Alicja", "Nowa"
    alice.save()
    versions.bump()
    html = client.get(url).text
    assert "<dt>Informację wytworzył</dt><dd>Alicja Nowa, <time" in html
    assert "<dt>Opublikował</dt><dd>Alicja Nowa, <time" in html


def test_pages_keep_a_register_too(client, editor):
    client.force_login(editor)
    client.post(
        "/admin/pages/page/add/",
        {
            "title": "Cele",
            "slug": "cele",
            "section": "partnerstwo",
            "position": 1,
            "body": "<p>x</p>",
            "is_published": "on",
        },
    )
    html = client.get("/partnerstwo/cele/").text
    assert "<dt>Informację wytworzył</dt><dd>Alicja Redakcyjna" in html
    assert "Rejestr zmian (1 zmiana)" in html


def test_a_post_keeps_its_register_in_the_trash_and_loses_it_when_deleted_for_good(client, editor, make_post):
    post = make_post()
    client.force_login(editor)
    client.post(f"/admin/news/post/{post.pk}/change/", _post_form(category=post.category_id, slug=post.slug))
    assert ChangeRecord.objects.count() == 1
    client.post(f"/admin/news/post/{post.pk}/delete/", {"post": "yes"})
    assert ChangeRecord.objects.count() == 1  # it may come back from the Kosz
    client.post(f"/admin/kosz/news.post/{post.pk}/usun-na-zawsze/")
    assert not ChangeRecord.objects.exists()


def test_content_saved_outside_admin_names_the_office_and_no_change(client, make_post):
    Coordinator.objects.create(pk=1)
    post = make_post()
    html = client.get(post.get_absolute_url()).text
    assert "<dt>Informację wytworzył</dt><dd>Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim</dd>" in html
    assert "<dt>Opublikował</dt><dd>Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim, <time" in html
    # Its row was written when the demo was loaded: that is no change of the information.
    assert "Ostatnia zmiana" not in html
    assert "Rejestr zmian" not in html


@pytest.mark.parametrize("saves", [1, 12])
def test_page_query_count_does_not_grow_with_the_register(
    client, editor, django_assert_num_queries, saves, cold_render
):
    client.force_login(editor)
    client.post(
        "/admin/pages/page/add/",
        {
            "title": "Cele",
            "slug": "cele",
            "section": "ogolne",
            "position": 1,
            "body": "<p>x</p>",
            "is_published": "on",
        },
    )
    page = Page.objects.get()
    for n in range(saves - 1):
        client.post(
            f"/admin/pages/page/{page.pk}/change/",
            {
                "title": f"Cele {n}",
                "slug": "cele",
                "section": "ogolne",
                "position": 1,
                "body": "<p>x</p>",
                "is_published": "on",
            },
        )
    client.logout()
    with django_assert_num_queries(5):  # page + its attachments + register + coordinator
        client.get("/cele/")

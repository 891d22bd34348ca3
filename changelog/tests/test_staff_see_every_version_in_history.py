import pytest
from reversion.models import Version

from news.models import Post


def test_each_save_in_admin_keeps_a_version_with_who_and_what(client, edited_post):
    html = client.get(f"/admin/news/post/{edited_post.pk}/history/").text
    assert "Historia zmian: Nabór wniosków – termin" in html
    assert "Zapisane wersje: 3." in html
    assert html.count("Alicja Redakcyjna") >= 3
    assert "Utworzenie" in html
    assert "Zmiana: Tytuł, Treść" in html
    assert "obecna wersja" in html
    assert html.count("Przywróć tę wersję") == 2


def test_five_versions_are_counted_in_the_genitive_plural(client, edited_post, post_form):
    for n in range(2):
        client.post(f"/admin/news/post/{edited_post.pk}/change/", post_form(edited_post, body=f"<p>Wersja {n}</p>"))
    assert "Zapisane wersje: 5." in client.get(f"/admin/news/post/{edited_post.pk}/history/").text


def test_a_version_holds_the_full_text(edited_post):
    first = Version.objects.get_for_object(edited_post).order_by("pk").first()
    assert first.field_dict["body"] == "<p>Pierwsza treść wpisu.</p>"
    assert first.field_dict["title"] == "Nabór wniosków"


def test_an_object_without_versions_says_so_in_polish(client, editor, make_post):
    client.force_login(editor)
    html = client.get(f"/admin/news/post/{make_post().pk}/history/").text
    assert "Nie zapisano jeszcze żadnej wersji." in html


def test_residents_cannot_open_the_history(client, bob, edited_post):
    client.force_login(bob)
    response = client.get(f"/admin/news/post/{edited_post.pk}/history/")
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("saves", [1, 15])
def test_history_query_count_does_not_grow_with_the_versions(
    client, editor, category, post_form, django_assert_num_queries, saves
):
    client.force_login(editor)
    client.post("/admin/news/post/add/", post_form(category=category.pk))
    post = Post.objects.get()
    for n in range(saves - 1):
        client.post(f"/admin/news/post/{post.pk}/change/", post_form(post, body=f"<p>Wersja {n}</p>"))
    assert Version.objects.get_for_object(post).count() == saves
    url = f"/admin/news/post/{post.pk}/history/"
    client.get(url)  # warm the content-type cache
    # session + user + the post + the versions' count + one page of versions with their authors,
    # and the admin sidebar's four single-row models
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200

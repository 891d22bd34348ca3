import pytest
from django.contrib.auth.models import Permission
from reversion.models import Version

from changelog.models import ChangeRecord
from news.models import Post


def _first(post):
    return Version.objects.get_for_object(post).order_by("pk").first()


def test_restoring_asks_first_and_shows_what_will_change(client, edited_post):
    first = _first(edited_post)
    response = client.get(f"/admin/news/post/{edited_post.pk}/history/{first.pk}/restore/")
    assert response.status_code == 200
    assert "Czy przywrócić tę wersję?" in response.text
    assert 'name="csrfmiddlewaretoken"' in response.text
    assert "Tak, przywróć tę wersję" in response.text
    assert "Nie, wróć do historii" in response.text
    assert "adres (slug)" in response.text  # a published post keeps its address
    edited_post.refresh_from_db()
    assert edited_post.title == "Nabór wniosków – termin"  # a GET changes nothing


def test_restoring_brings_the_first_text_back_as_a_new_version(client, edited_post):
    first = _first(edited_post)
    response = client.post(f"/admin/news/post/{edited_post.pk}/history/{first.pk}/restore/", follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/news/post/{edited_post.pk}/history/"
    assert "Przywrócono wersję z" in response.text and "zapisano ją jako nową wersję" in response.text
    post = Post.objects.get()
    assert (post.title, post.body) == ("Nabór wniosków", "<p>Pierwsza treść wpisu.</p>")
    assert "Zapisane wersje: 4." in response.text
    newest = Version.objects.get_for_object(post).order_by("-pk").first()
    assert newest.field_dict["body"] == "<p>Pierwsza treść wpisu.</p>"
    assert newest.revision.comment.startswith("Przywrócenie wersji z")
    record = ChangeRecord.objects.order_by("-pk").first()
    assert record.summary.startswith("Przywrócenie wersji z") and record.editor_name == "Alicja Redakcyjna"
    assert "Pierwsza treść wpisu." in client.get(post.get_absolute_url()).text


def test_restoring_needs_a_post_request_with_csrf(edited_post, editor):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    first = _first(edited_post)
    assert strict.post(f"/admin/news/post/{edited_post.pk}/history/{first.pk}/restore/").status_code == 403
    assert Post.objects.get().title == "Nabór wniosków – termin"


@pytest.fixture
def viewer(django_user_model):
    """Staff who may look at posts but not change them."""
    user = django_user_model.objects.create_user(username="wiktor@pup.example", password="x-haslo-123", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_post"))
    return user


def test_staff_without_change_permission_see_the_history_but_cannot_restore(client, edited_post, viewer):
    client.force_login(viewer)
    history = client.get(f"/admin/news/post/{edited_post.pk}/history/")
    assert history.status_code == 200 and "Przywróć tę wersję" not in history.text
    first = _first(edited_post)
    url = f"/admin/news/post/{edited_post.pk}/history/{first.pk}/restore/"
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert Post.objects.get().title == "Nabór wniosków – termin"


def test_a_version_of_another_object_cannot_be_restored_here(client, edited_post, make_post, post_form):
    other = make_post(title="Inny wpis")
    client.post(f"/admin/news/post/{other.pk}/change/", post_form(other, title="Inny wpis"))
    foreign = Version.objects.get_for_object(other).get()
    response = client.post(f"/admin/news/post/{edited_post.pk}/history/{foreign.pk}/restore/")
    assert response.status_code == 404
    assert "Nie znaleziono tej wersji." in response.text
    assert Post.objects.get(pk=edited_post.pk).title == "Nabór wniosków – termin"

"""Staff make a preview link in the „Linki do podglądu” box of a post's change form.

The box posts to drafts/previews.py create_link; the address is shown once, on the page the
creation redirects to. The visitor's side: test_a_visitor_opens_a_preview_link.py.
"""

import datetime
import re

import pytest
import time_machine

from drafts.models import PreviewLink, hash_preview_token
from news.models import Post
from pagecache import versions
from pagecache.versions import VERSION_KEY

CREATE = "/admin/podglad/utworz/"
BOX = "Linki do podglądu"


def change_url(post):
    return f"/admin/news/post/{post.pk}/change/"


def shown_link(html):
    match = re.search(r'id="new-preview-link" value="(http[^"]+/podglad/([^"/]+)/)"', html)
    return match and match.group(2)


def test_the_box_offers_validities_in_polish(client, staff_in_role, make_post):
    post = make_post(status=Post.Status.DRAFT)
    client.force_login(staff_in_role("Redaktor"))
    page = client.get(change_url(post)).text
    assert BOX in page and "Nie ma aktywnych linków do podglądu." in page
    for label in ("1 dzień", "3 dni", "7 dni", "14 dni"):
        assert f">{label}</option>" in page
    assert 'action="/admin/podglad/utworz/"' in page and "Utwórz link do podglądu" in page


def test_a_redaktor_creates_a_link_shown_once_and_stored_only_as_a_hash(client, staff_in_role, make_post):
    editor = staff_in_role("Redaktor")
    post = make_post(status=Post.Status.DRAFT)
    client.force_login(editor)
    now = datetime.datetime(2026, 12, 5, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(now, tick=False):
        response = client.post(CREATE, {"model": "news.post", "object_id": str(post.pk), "days": "3"})
    assert response.status_code == 302 and response["Location"] == change_url(post) + "#linki-do-podgladu"

    page = client.get(change_url(post)).text
    token = shown_link(page)
    assert token and len(token) >= 40
    assert "Utworzono link do podglądu ważny przez 3 dni." in page
    link = PreviewLink.objects.get()
    assert link.token_hash == hash_preview_token(token) and token not in link.token_hash
    assert link.created_by == editor and link.object_id == str(post.pk)
    assert link.expires_at == now + datetime.timedelta(days=3)
    assert "Aktywne linki: 1 link" in page and "8 grudnia 2026, 10:00" in page  # Warsaw time

    again = client.get(change_url(post)).text
    assert shown_link(again) is None and token not in again  # never again
    assert "Aktywne linki: 1 link" in again


def test_making_a_link_renews_no_cached_page(client, alice, make_post, django_capture_on_commit_callbacks):
    post = make_post(status=Post.Status.DRAFT)
    client.force_login(alice)
    before = versions.bump()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CREATE, {"model": "news.post", "object_id": str(post.pk), "days": "7"})
    assert versions.cache.get(VERSION_KEY) == before


@pytest.mark.parametrize("days", ["2", "0", "-1", "abc", "", "٣"])
def test_a_validity_off_the_list_is_refused_in_polish(client, alice, make_post, days):
    post = make_post(status=Post.Status.DRAFT)
    client.force_login(alice)
    response = client.post(CREATE, {"model": "news.post", "object_id": str(post.pk), "days": days})
    assert response.status_code == 400
    assert "Wybierz ważność linku z listy: 1, 3, 7, 14 dni." in response.text
    assert not PreviewLink.objects.exists()


def test_a_moderator_can_neither_see_the_box_nor_create_a_link(client, staff_in_role, make_post):
    post = make_post(status=Post.Status.DRAFT)
    client.force_login(staff_in_role("Moderator"))
    response = client.post(CREATE, {"model": "news.post", "object_id": str(post.pk), "days": "7"})
    assert response.status_code == 403
    assert "może tworzyć i unieważniać tylko osoba, która może zmieniać tę treść" in response.text
    assert not PreviewLink.objects.exists()


def test_a_model_without_previews_or_a_missing_post_gets_a_404(client, alice, make_post, category):
    client.force_login(alice)
    for data in (
        {"model": "news.category", "object_id": str(category.pk), "days": "7"},
        {"model": "nie.ma", "object_id": "1", "days": "7"},
        {"model": "news.post", "object_id": "999999", "days": "7"},
    ):
        response = client.post(CREATE, data)
        assert response.status_code == 404, data
    assert not PreviewLink.objects.exists()


def test_a_visitor_without_login_is_sent_to_log_in(client, make_post):
    post = make_post(status=Post.Status.DRAFT)
    response = client.post(CREATE, {"model": "news.post", "object_id": str(post.pk), "days": "7"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not PreviewLink.objects.exists()


def test_get_is_refused(client, alice):
    client.force_login(alice)
    assert client.get(CREATE).status_code == 405

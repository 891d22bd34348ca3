"""Who may publish returns a waiting post with a note: the writer is told, fixes it and sends it again."""

import pytest
from django.core import mail

from adminsite.tests.forms import change_form_data
from changelog.versions import versions_of
from news.models import Post


@pytest.fixture(autouse=True)
def office(settings):
    settings.OFFICE_EMAIL = "biuro@pup.example"
    settings.STAFF_NOTIFY_EMAILS = []


def url(post):
    return f"/admin/news/post/{post.pk}/zwroc-do-poprawy/"


def test_the_editor_returns_a_post_with_a_note_and_the_writer_is_told(client, editor, waiting_post, in_background):
    client.force_login(editor)
    form = client.get(f"/admin/news/post/{waiting_post.pk}/change/")
    assert f'href="{url(waiting_post)}" class="button">Zwróć do poprawy</a>' in form.text
    page = client.get(url(waiting_post))
    assert page.status_code == 200
    assert "Uwagi do poprawy" in page.text and "<h1>Zwrot do poprawy: Nabór do projektu</h1>" in page.text
    with in_background():
        response = client.post(url(waiting_post), {"note": "Proszę dodać termin naboru."}, follow=True)
    assert "Zwrócono wpis „Nabór do projektu” do poprawy." in response.text
    waiting_post.refresh_from_db()
    assert (waiting_post.status, waiting_post.review_note) == (Post.Status.RETURNED, "Proszę dodać termin naboru.")
    assert not waiting_post.is_public

    [notice] = mail.outbox
    assert notice.to == ["autorka@pup.example"] and notice.reply_to == ["biuro@pup.example"]
    assert notice.subject == "Wpis do poprawy: Nabór do projektu"
    assert "Uwagi:\nProszę dodać termin naboru." in notice.body
    assert versions_of(waiting_post).first().revision.comment == "Zwrot do poprawy. Uwagi: Proszę dodać termin naboru."


def test_a_return_without_a_note_is_refused_in_polish(client, editor, waiting_post):
    client.force_login(editor)
    response = client.post(url(waiting_post), {"note": "   "})
    assert response.status_code == 400
    assert "Napisz, co trzeba poprawić: bez uwag nie wiadomo, co zmienić we wpisie." in response.text
    waiting_post.refresh_from_db()
    assert waiting_post.status == Post.Status.SUBMITTED


def test_a_post_no_longer_waiting_cannot_be_returned(client, editor, waiting_post):
    waiting_post.status = Post.Status.PUBLISHED
    waiting_post.save()
    client.force_login(editor)
    response = client.post(url(waiting_post), {"note": "Za późno."})
    assert response.status_code == 409
    assert "Ten wpis nie czeka już na akceptację (teraz: opublikowany)" in response.text
    waiting_post.refresh_from_db()
    assert waiting_post.status == Post.Status.PUBLISHED


def test_the_writer_cannot_return_a_post(client, writer, waiting_post):
    client.force_login(writer)
    assert client.get(url(waiting_post)).status_code == 403
    assert client.post(url(waiting_post), {"note": "Sam sobie."}).status_code == 403


def test_the_writer_reads_the_note_fixes_the_post_and_sends_it_again(
    client, editor, writer, waiting_post, in_background
):
    client.force_login(editor)
    client.post(url(waiting_post), {"note": "Proszę dodać termin naboru."})
    client.force_login(writer)
    page = client.get(f"/admin/news/post/{waiting_post.pk}/change/")
    assert "Wpis zwrócono do poprawy. Uwagi:" in page.text and "Proszę dodać termin naboru." in page.text
    data = change_form_data(page) | {"body": "<p>Nabór trwa do 15 stycznia.</p>", "_submit_for_review": "1"}
    mail.outbox.clear()
    with in_background():
        client.post(f"/admin/news/post/{waiting_post.pk}/change/", data)
    waiting_post.refresh_from_db()
    assert waiting_post.status == Post.Status.SUBMITTED
    assert [m.to for m in mail.outbox] == [["redakcja@pup.example"]]


def test_the_confirmation_page_reads_a_fixed_number_of_queries(client, editor, waiting_post, django_assert_num_queries):
    client.force_login(editor)
    # Session, user, the post, the user's permissions (direct and through the role), and three
    # one-row models asked by the side menu's „Dodaj” links.
    with django_assert_num_queries(8):
        assert client.get(url(waiting_post)).status_code == 200

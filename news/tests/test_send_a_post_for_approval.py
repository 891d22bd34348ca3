"""Staff who may not publish write a post and send it for approval; those who may publish are told."""

import pytest
from django.core import mail

from accounts.roles import ADMINISTRATOR, MODERATOR
from adminsite.tests.forms import change_form_data
from changelog.versions import versions_of
from news.models import Post
from news.tests.test_admin import post_form


@pytest.fixture
def team(settings, staff_in_role, editor):
    settings.STAFF_NOTIFY_EMAILS = []
    settings.OFFICE_EMAIL = "biuro@pup.example"
    return {role: staff_in_role(role) for role in (MODERATOR, ADMINISTRATOR)}


def test_the_writer_sends_a_new_post_and_who_may_publish_is_told(client, writer, editor, team, category, in_background):
    client.force_login(writer)
    page = client.get("/admin/news/post/add/")
    assert 'name="_submit_for_review" value="Wyślij do akceptacji"' in page.text
    assert 'name="_approve"' not in page.text
    with in_background():
        response = client.post("/admin/news/post/add/", post_form(category, _submit_for_review="1"))
    assert response.status_code == 302
    post = Post.objects.get()
    assert (post.status, post.submitted_by, post.author) == (Post.Status.SUBMITTED, writer, writer)
    assert not post.is_public

    [notice] = mail.outbox
    assert notice.subject == "Wpis czeka na akceptację: Nowe spotkanie partnerów"
    assert notice.to == ["administrator@pup.example", "redakcja@pup.example"]  # not the Moderator
    link = next(word for word in notice.body.split() if "/admin/" in word).removeprefix("http://127.0.0.1:8000")
    assert link == f"/admin/news/post/{post.pk}/change/"
    for approver in (team[ADMINISTRATOR], editor):
        client.force_login(approver)
        assert client.get(link).status_code == 200
    assert versions_of(post).first().revision.comment == "Wysłanie do akceptacji"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "Wysłano wpis do akceptacji: osoby, które mogą go opublikować, dostały wiadomość e-mail." in messages


def test_a_draft_is_sent_later_with_its_changes_in_the_history(client, writer, team, make_post, in_background):
    post = make_post(title="Szkic zaproszenia", status=Post.Status.DRAFT, author=writer)
    client.force_login(writer)
    page = client.get(f"/admin/news/post/{post.pk}/change/")
    data = change_form_data(page) | {"title": "Zaproszenie na spotkanie", "_submit_for_review": "1"}
    with in_background():
        assert client.post(f"/admin/news/post/{post.pk}/change/", data).status_code == 302
    post.refresh_from_db()
    assert (post.status, post.title) == (Post.Status.SUBMITTED, "Zaproszenie na spotkanie")
    assert versions_of(post).first().revision.comment == "Wysłanie do akceptacji. Zmiana: Tytuł"
    assert len(mail.outbox) == 1


def test_a_post_waiting_for_approval_is_not_sent_twice(client, writer, team, waiting_post, in_background):
    client.force_login(writer)
    page = client.get(f"/admin/news/post/{waiting_post.pk}/change/")
    assert "Ten wpis czeka na akceptację przed publikacją." in page.text
    assert 'name="_submit_for_review"' not in page.text
    with in_background():
        client.post(f"/admin/news/post/{waiting_post.pk}/change/", change_form_data(page) | {"_submit_for_review": "1"})
    waiting_post.refresh_from_db()
    assert waiting_post.status == Post.Status.SUBMITTED
    assert mail.outbox == []


def test_the_list_shows_the_review_states_and_filters_by_them(client, editor, waiting_post, make_post):
    make_post(title="Do poprawy", status=Post.Status.RETURNED)
    client.force_login(editor)
    page = client.get("/admin/news/post/?stan=czeka")
    assert "Czeka na akceptację" in page.text
    assert "Nabór do projektu" in page.text and "Do poprawy</a>" not in page.text
    assert "Czekające na akceptację</a>" in page.text and "Zwrócone do poprawy</a>" in page.text

"""A reader who asked for it is told by e-mail when their comment is approved or answered,
and can turn that off from the e-mail itself, without logging in."""

import re

from django.core import mail

from accounts.roles import MODERATOR
from news.models import Comment


def _comment(client, post, **extra):
    data = {"author_name": "Karolina", "body": "Kiedy nabór?", "notify_author": "on", **extra}
    return client.post(f"{post.get_absolute_url()}komentarze/", data)


def _off_link(message):
    return re.search(r"http://127\.0\.0\.1:8000(/aktualnosci/powiadomienia/wylacz/\S+/)", message.body)[1]


def test_the_comment_form_offers_notices_ticked_with_the_privacy_policy(client, make_post, carol):
    client.force_login(carol)
    html = client.get(make_post().get_absolute_url()).text
    assert 'name="notify_author" aria-describedby="id_notify_author_helptext" id="id_notify_author" checked' in html
    assert "Powiadom mnie e-mailem, gdy komentarz zostanie zatwierdzony lub gdy Partnerstwo odpowie" in html
    assert "wyłączyć kolejne powiadomienia, także bez logowania" in html
    assert 'href="/polityka-prywatnosci/">polityka prywatności</a>' in html


def test_approving_and_answering_tell_the_author_and_the_link_turns_notices_off(
    client, make_post, carol, staff_in_role, settings, in_background
):
    settings.STAFF_NOTIFY_EMAILS = ["sekretariat@pup.example"]
    settings.OFFICE_EMAIL = "partnerstwo@pup.example"
    post = make_post(title="Nabór na staże")
    client.force_login(carol)
    with in_background():
        _comment(client, post)
    comment = Comment.objects.get()
    assert comment.notify_author and comment.status == Comment.Status.PENDING
    mail.outbox.clear()

    moderator = staff_in_role(MODERATOR)
    client.force_login(moderator)
    with in_background():
        client.post("/admin/news/comment/", {"action": "approve", "_selected_action": [comment.pk]})
    [approved] = mail.outbox
    assert approved.to == ["carol@example.com"]
    assert approved.reply_to == ["partnerstwo@pup.example"]
    assert approved.subject == "Twój komentarz jest już na stronie"
    assert "„Nabór na staże” został zatwierdzony i jest już widoczny na stronie" in approved.body
    assert f"http://127.0.0.1:8000{post.get_absolute_url()}#komentarz-{comment.pk}" in approved.body
    assert moderator.email not in approved.message().as_string()

    with in_background():
        client.post(
            f"/admin/news/comment/{comment.pk}/change/", {"status": "approved", "reply": "Nabór ruszy w marcu."}
        )
    answered = mail.outbox[-1]
    assert answered.subject == "Partnerstwo Lokalne odpowiedziało na Twój komentarz"
    assert "Nabór ruszy w marcu." in answered.body
    assert answered.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{_off_link(answered)}>"

    client.logout()
    page = client.get(_off_link(answered))
    assert page.status_code == 200 and "Wyłącz powiadomienia" in page.text
    comment.refresh_from_db()
    assert comment.notify_author  # a GET (a mail scanner) changes nothing
    done = client.post(_off_link(answered), follow=True)
    assert "Wyłączono powiadomienia o tym komentarzu." in done.text
    comment.refresh_from_db()
    assert not comment.notify_author

    mail.outbox.clear()
    client.force_login(moderator)
    with in_background():
        client.post(f"/admin/news/comment/{comment.pk}/change/", {"status": "approved", "reply": "Albo w kwietniu."})
    assert mail.outbox == []


def test_a_reader_who_unticks_the_box_is_not_told(client, make_post, carol, staff_in_role, in_background):
    post = make_post()
    client.force_login(carol)
    _comment(client, post, notify_author="")
    comment = Comment.objects.get()
    assert not comment.notify_author
    client.force_login(staff_in_role(MODERATOR))
    mail.outbox.clear()
    with in_background():
        client.post(f"/admin/news/comment/{comment.pk}/change/", {"status": "approved", "reply": "Dziękujemy."})
    assert mail.outbox == []


def test_a_reply_to_a_waiting_comment_is_told_once_the_comment_is_approved(
    client, make_post, carol, make_comment, staff_in_role, in_background
):
    comment = make_comment(make_post(), carol, status=Comment.Status.PENDING)
    client.force_login(staff_in_role(MODERATOR))
    with in_background():
        client.post(f"/admin/news/comment/{comment.pk}/change/", {"status": "pending", "reply": "Dziękujemy."})
    assert mail.outbox == []  # nothing on the site to read yet
    with in_background():
        client.post(f"/admin/news/comment/{comment.pk}/change/", {"status": "approved", "reply": "Dziękujemy."})
    [told] = mail.outbox
    assert told.subject == "Twój komentarz jest już na stronie, a Partnerstwo na niego odpowiedziało"
    assert "Dziękujemy." in told.body


def test_a_broken_link_says_so_in_polish_with_a_400(client, db):
    response = client.get("/aktualnosci/powiadomienia/wylacz/12:nieprawda/")
    assert response.status_code == 400
    assert "Ten link jest niepełny albo nieaktualny" in response.text
    assert client.post("/aktualnosci/powiadomienia/wylacz/12:nieprawda/").status_code == 400

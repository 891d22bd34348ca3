import pytest

from news.models import COMMENT_MAX_LENGTH, Comment


def _comment(client, post, body="Świetna inicjatywa, trzymam kciuki!", name="Karolina", **extra):
    return client.post(f"{post.get_absolute_url()}komentarze/", {"author_name": name, "body": body, **extra})


def test_visitor_sees_a_login_link_that_returns_to_the_post(client, make_post):
    post = make_post()
    html = client.get(post.get_absolute_url()).text
    assert "Brak komentarzy" in html
    assert "Dodaj komentarz" in html
    assert f'href="/konto/zaloguj/?next={post.get_absolute_url().replace("/", "%2F")}%23dodaj-komentarz"' in html
    assert 'name="body"' not in html


def test_login_link_brings_the_reader_back_to_the_post(client, make_post, carol):
    post = make_post()
    response = client.post(
        "/konto/zaloguj/",
        {"login": "carol@example.com", "password": "haslo-czytelnika-1", "next": post.get_absolute_url()},
    )
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    assert 'name="body"' in client.get(post.get_absolute_url()).text


def test_first_comment_waits_for_moderation_and_staff_are_told(
    client, make_post, carol, settings, mailoutbox, in_background
):
    settings.STAFF_NOTIFY_EMAILS = ["sekretariat@pup.example"]
    post = make_post(title="Spotkanie partnerów")
    client.force_login(carol)
    with in_background():
        response = _comment(client, post)
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#komentarz-{comment.pk}"
    assert comment.status == Comment.Status.PENDING
    assert comment.user == carol
    page = client.get(response["Location"]).text
    assert "pojawi się po zatwierdzeniu przez moderatora" in page
    assert "Twój komentarz czeka na zatwierdzenie" in page  # the author sees it, marked
    assert "Brak komentarzy" not in page  # not above the reader's own comment
    thanks = page.split(f'id="komentarz-{comment.pk}"')[1].split("</li>")[0]
    assert "Dziękujemy! Twój pierwszy komentarz pojawi się po zatwierdzeniu" in thanks  # at the comment
    assert "Dziękujemy!" not in page.split('class="messages"')[1].split("</div>")[0]  # not at the top
    [mail] = mailoutbox
    assert mail.to == ["sekretariat@pup.example"]
    assert mail.subject == "Komentarz czeka na moderację: Spotkanie partnerów"
    assert "Świetna inicjatywa" in mail.body
    assert "/admin/news/comment/?status__exact=pending" in mail.body


def test_notice_goes_to_active_staff_when_no_address_is_set(
    client, make_post, carol, alice, settings, mailoutbox, in_background
):
    settings.STAFF_NOTIFY_EMAILS = []
    client.force_login(carol)
    with in_background():
        _comment(client, make_post())
    assert mailoutbox[0].to == ["alice@pup.example"]


def test_pending_comment_is_hidden_from_other_visitors(client, make_post, carol, make_comment):
    post = make_post()
    make_comment(post, carol, body="Czekam na moderację", status=Comment.Status.PENDING)
    html = client.get(post.get_absolute_url()).text
    assert "Czekam na moderację" not in html
    assert "Brak komentarzy" in html


def test_once_a_comment_was_approved_the_next_ones_appear_at_once(client, make_post, carol, make_comment, mailoutbox):
    post = make_post()
    make_comment(post, carol, body="Pierwszy", status=Comment.Status.APPROVED)
    client.force_login(carol)
    response = _comment(client, post, body="Drugi komentarz")
    assert Comment.objects.get(body="Drugi komentarz").status == Comment.Status.APPROVED
    assert "Dodaliśmy Twój komentarz." in client.get(response["Location"]).text
    assert mailoutbox == []
    client.logout()
    html = client.get(post.get_absolute_url()).text
    assert "Drugi komentarz" in html and "2 komentarze" in html


def test_a_comment_hidden_as_spam_does_not_make_the_reader_trusted(client, make_post, carol, make_comment):
    post = make_post()
    make_comment(post, carol, status=Comment.Status.SPAM)
    client.force_login(carol)
    _comment(client, post, body="Kolejny")
    assert Comment.objects.get(body="Kolejny").status == Comment.Status.PENDING


def test_staff_comments_appear_at_once(client, make_post, make_reader):
    staff = make_reader("ewa@pup.example", is_staff=True)
    client.force_login(staff)
    _comment(client, make_post(), name="Ewa z PUP")
    assert Comment.objects.get().status == Comment.Status.APPROVED


def test_the_signature_is_offered_again_next_time(client, make_post, make_reader):
    reader = make_reader()
    client.force_login(reader)
    post = make_post()
    _comment(client, post, name="Pan Tadeusz")
    reader.refresh_from_db()
    assert reader.first_name == "Pan Tadeusz"
    assert 'value="Pan Tadeusz"' in client.get(post.get_absolute_url()).text


@pytest.mark.parametrize(
    ("body", "name", "message"),
    [
        ("   ", "Karolina", "Wpisz treść komentarza."),
        ("x" * (COMMENT_MAX_LENGTH + 1), "Karolina", f"co najwyżej {COMMENT_MAX_LENGTH} znaków"),
        ("Treść zostaje w formularzu", "", "Podaj podpis: imię lub pseudonim."),
        ("Treść zostaje w formularzu", "carol@example.com", "Podpis nie może być adresem e-mail"),
    ],
)
def test_a_rejected_comment_keeps_its_text_with_a_polish_message(client, make_post, carol, body, name, message):
    client.force_login(carol)
    response = _comment(client, make_post(), body=body, name=name)
    assert response.status_code == 400
    assert message in response.text
    assert body.strip()[:50] in response.text
    assert 'aria-invalid="true"' in response.text
    assert not Comment.objects.exists()


def test_honeypot_refuses_and_keeps_the_text(client, make_post, carol):
    client.force_login(carol)
    response = _comment(client, make_post(), body="Tekst od człowieka?", website="http://spam.example")
    assert response.status_code == 400
    assert "Nie udało się wysłać formularza" in response.text
    assert "Tekst od człowieka?" in response.text
    assert not Comment.objects.exists()


def test_too_many_comments_in_a_row_are_refused(client, make_post, carol):
    client.force_login(carol)
    post = make_post()
    for n in range(5):
        assert _comment(client, post, body=f"Komentarz {n}").status_code == 302
    response = _comment(client, post, body="Szósty w dziesięć minut")
    assert response.status_code == 429
    assert "Wysyłasz komentarze zbyt często" in response.text
    assert "Szósty w dziesięć minut" in response.text
    assert Comment.objects.count() == 5


def test_reader_with_an_unverified_address_cannot_comment(client, make_post, bob):
    client.force_login(bob)  # bob has no verified EmailAddress
    response = _comment(client, make_post(), body="Niepotwierdzony")
    assert response.status_code == 403
    assert "Potwierdź swój adres e-mail" in response.text
    assert "Niepotwierdzony" in response.text
    assert not Comment.objects.exists()


def test_visitor_posting_is_sent_to_log_in(client, make_post):
    post = make_post()
    response = _comment(client, post)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/zaloguj/?next=")
    assert not Comment.objects.exists()


def test_the_form_is_a_plain_post_and_get_is_refused(client, make_post, carol):
    post = make_post()
    client.force_login(carol)
    html = client.get(post.get_absolute_url()).text
    assert f'<form method="post" action="{post.get_absolute_url()}komentarze/#dodaj-komentarz"' in html
    assert "csrfmiddlewaretoken" in html
    assert client.get(f"{post.get_absolute_url()}komentarze/").status_code == 405


def test_drafts_take_no_comments(client, make_post, make_reader):
    from news.models import Post

    staff = make_reader("ewa@pup.example", is_staff=True)
    draft = make_post(status=Post.Status.DRAFT)
    client.force_login(staff)
    assert "Dodaj komentarz" not in client.get(draft.get_absolute_url()).text
    assert _comment(client, draft).status_code == 404

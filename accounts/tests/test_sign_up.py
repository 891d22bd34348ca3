import re

from django.contrib.auth import get_user_model


def _main(html):
    return re.sub(r"\s+", " ", html[html.index("<main") : html.index("</main>")])


def test_sign_up_page_is_polish_in_the_site_layout_with_labels(client, db):
    html = client.get("/konto/zaloz/").text
    assert '<html lang="pl">' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    main = _main(html)
    assert "<h1> Załóż konto </h1>" in main
    assert '<label for="id_email">Adres e-mail</label>' in main
    assert '<label for="id_password1">Hasło</label>' in main
    assert '<label for="id_password2">Hasło (ponownie)</label>' in main
    assert "username" not in main


def test_reader_signs_up_confirms_the_e_mail_and_logs_in(client, db, mailoutbox, in_background):
    with in_background():
        response = client.post(
            "/konto/zaloz/",
            {"email": "nowa@example.com", "password1": "Dlugie-haslo-2024", "password2": "Dlugie-haslo-2024"},
        )
    assert response.status_code == 302
    assert response["Location"] == "/konto/potwierdz-adres/"
    page = client.get(response["Location"]).text
    assert "<h1>Potwierdź adres e-mail</h1>" in page and "Zweryfikuj" not in page
    user = get_user_model().objects.get(email="nowa@example.com")
    assert "_auth_user_id" not in client.session

    [mail] = mailoutbox
    assert mail.to == ["nowa@example.com"]
    assert mail.subject == "[Partnerstwo Lokalne] Potwierdź adres e-mail"
    assert mail.body.startswith("Dzień dobry,")
    assert "Partnerstwa Lokalnego Powiatu Nowodworskiego" in mail.body
    link = re.search(r"http://testserver(/konto/potwierdz-adres/\S+/)", mail.body).group(1)

    # Not in before the address is confirmed: allauth sends another link instead.
    response = client.post("/konto/zaloguj/", {"login": "nowa@example.com", "password": "Dlugie-haslo-2024"})
    assert response["Location"] == "/konto/potwierdz-adres/"
    assert "_auth_user_id" not in client.session

    assert "Potwierdź" in client.get(link).text
    response = client.post(link)
    assert response.status_code == 302
    assert user.emailaddress_set.get().verified

    response = client.post("/konto/zaloguj/", {"login": "nowa@example.com", "password": "Dlugie-haslo-2024"})
    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    assert int(client.session["_auth_user_id"]) == user.pk
    assert "<h1>Moje konto</h1>" in client.get("/konto/").text


def test_a_wrong_password_gets_a_polish_message_and_keeps_the_address(client, reader):
    response = client.post("/konto/zaloguj/", {"login": "bob@example.com", "password": "zle-haslo"})
    assert response.status_code == 200
    main = _main(response.text)
    assert '<div class="form-errors" role="alert">' in main
    assert "Adres e-mail lub hasło są nieprawidłowe." in main
    assert 'value="bob@example.com"' in main


def test_sign_up_errors_are_polish_and_tied_to_the_inputs(client, db):
    response = client.post("/konto/zaloz/", {"email": "nie-adres", "password1": "a", "password2": "b"})
    assert response.status_code == 200
    main = _main(response.text)
    assert '<ul class="errorlist" id="id_email_error"><li>Wprowadź poprawny adres email.</li></ul>' in main
    assert 'value="nie-adres"' in main
    tied = r'<input type="email" name="email"[^>]* aria-invalid="true" aria-describedby="id_email_error"'
    assert re.search(tied, main)
    assert "To hasło jest za krótkie." in main


def test_password_reset_is_in_polish_and_sends_a_link(client, reader, mailoutbox, in_background):
    assert "<h1>Nowe hasło</h1>" in _main(client.get("/konto/haslo/nowe/").text)
    with in_background():
        response = client.post("/konto/haslo/nowe/", {"email": "bob@example.com"})
    assert response.status_code == 302
    [mail] = mailoutbox
    assert "http://testserver/konto/haslo/nowe/klucz/" in mail.body


def test_header_shows_log_in_or_my_account(client, reader):
    assert '<a href="/konto/zaloguj/">Zaloguj się</a>' in client.get("/").text
    client.force_login(reader)
    assert '<a href="/konto/">Moje konto</a>' in client.get("/").text

"""The portal sets only necessary cookies: no notice to dismiss, a sentence in every footer."""

from django.test import Client


def test_no_page_carries_a_cookie_notice_to_dismiss(client, db):
    response = client.get("/")
    assert "Rozumiem" not in response.text
    assert "data-cookie-notice" not in response.text


def test_the_footer_says_which_cookies_and_links_the_privacy_policy(client, db):
    text = client.get("/aktualnosci/").text
    footer = text[text.index('<footer class="site-footer">') :]
    assert "wyłącznie niezbędnych plików cookie" in footer
    assert 'href="/polityka-prywatnosci/#pliki-cookie"' in footer


def test_the_old_address_leads_to_the_privacy_policy_section(client, db):
    response = client.get("/ciasteczka/")
    assert response.status_code == 301
    assert response["Location"] == "/polityka-prywatnosci/#pliki-cookie"


def test_an_old_form_post_to_it_is_redirected_too_and_sets_no_cookie(client, db):
    response = client.post("/ciasteczka/", {"next": "/aktualnosci/"})
    assert response.status_code == 302
    assert response["Location"] == "/polityka-prywatnosci/#pliki-cookie"
    assert "cookie_notice" not in response.cookies


def test_a_post_without_its_csrf_token_still_gets_the_polish_error_page(db):
    response = Client(enforce_csrf_checks=True).post("/ciasteczka/", {"next": "/"})
    assert response.status_code == 403
    assert "Formularz wygasł" in response.text

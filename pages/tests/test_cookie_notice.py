def test_notice_is_shown_to_a_new_visitor(client, db):
    response = client.get("/")
    assert "Rozumiem" in response.text
    assert 'href="/polityka-prywatnosci/"' in response.text


def test_plain_form_post_remembers_and_returns_to_the_page(client, db):
    response = client.post("/ciasteczka/", {"next": "/aktualnosci/"})
    assert response.status_code == 302
    assert response["Location"] == "/aktualnosci/"
    assert response.cookies["cookie_notice"].value == "1"
    assert "Rozumiem" not in client.get("/").text


def test_script_post_gets_json_without_redirect(client, db):
    response = client.post("/ciasteczka/", headers={"X-Requested-With": "fetch"})
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    assert response.cookies["cookie_notice"].value == "1"


def test_it_does_not_redirect_to_other_sites(client, db):
    response = client.post("/ciasteczka/", {"next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_it_rejects_get(client, db):
    assert client.get("/ciasteczka/").status_code == 405


def test_it_needs_csrf_token(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/ciasteczka/", {"next": "/"})
    assert response.status_code == 403
    assert "Formularz wygasł" in response.text

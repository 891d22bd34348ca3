"""A refused comment shows the post with the errors and the typed text, for that reader only."""

from django.test import Client


def test_a_failed_comment_shows_the_post_and_stays_out_of_the_page_cache(client, make_post, make_reader):
    make_post(title="Przykład", slug="przyklad")
    reader = make_reader()
    client.force_login(reader)
    response = client.post(
        "/aktualnosci/przyklad/komentarze/", {"author_name": "", "body": "Tekst, który zostaje w polu"}
    )
    assert response.status_code == 400
    assert "<h1>Przykład</h1>" in response.text  # the post itself, not a bare form
    assert "Podaj podpis: imię lub pseudonim." in response.text
    assert "Tekst, który zostaje w polu" in response.text
    assert "X-Page-Cache" not in response

    anonymous = Client()
    for _ in range(2):
        html = anonymous.get("/aktualnosci/przyklad/").text
        assert "Podaj podpis" not in html and "Tekst, który zostaje" not in html

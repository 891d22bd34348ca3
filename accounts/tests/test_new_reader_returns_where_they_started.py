"""A new reader who signs up from a post, then confirms the e-mail address, is signed in and back at the post."""

import re


def test_confirming_the_address_signs_in_and_returns_to_the_post(client, make_post, mailoutbox, in_background):
    post = make_post(title="Staże w Nasielsku")
    client.get(f"/konto/zaloz/?next={post.get_absolute_url()}")
    with in_background():
        response = client.post(
            "/konto/zaloz/",
            {
                "email": "nowa@example.com",
                "password1": "dlugie-haslo-czytelniczki-7",
                "password2": "dlugie-haslo-czytelniczki-7",
                "next": post.get_absolute_url(),
            },
        )
    assert response.status_code == 302
    [message] = mailoutbox
    link = re.search(r"https?://[^/\s]+(/konto/potwierdz-adres/[^\s]+)", message.body).group(1)
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    html = client.get(response["Location"]).text
    assert "Moje konto" in html and "Zaloguj się</a>" not in html

"""A subscriber's own page, linked from every e-mail and from „Moje konto”, changes topics without leaving."""

from django.utils import timezone

from newsletter.mail import issue_message, preferences_url
from newsletter.models import ConsentText, Subscriber


def _subscriber(**fields):
    fields.setdefault("status", Subscriber.Status.CONFIRMED)
    fields.setdefault("confirmed_at", timezone.now())
    return Subscriber.objects.create(email="ala@example.com", consent=ConsentText.current(), source="test", **fields)


def test_the_subscriber_keeps_only_post_notices(client, db):
    subscriber = _subscriber()
    url = preferences_url(subscriber).removeprefix("http://testserver")
    url = url[url.index("/newsletter/") :]
    html = client.get(url).text
    assert "<h1>Ustawienia newslettera</h1>" in html
    response = client.post(url, {"wants_posts": "on"}, follow=True)
    assert "Zapisano wybór." in response.text
    subscriber.refresh_from_db()
    assert (subscriber.wants_posts, subscriber.wants_issues, subscriber.status) == (True, False, "confirmed")


def test_choosing_nothing_is_refused_in_polish(client, db):
    subscriber = _subscriber()
    url = preferences_url(subscriber)
    url = url[url.index("/newsletter/") :]
    response = client.post(url, {})
    assert response.status_code == 400
    assert "Wybierz co najmniej jeden rodzaj wiadomości" in response.text
    subscriber.refresh_from_db()
    assert subscriber.wants_posts and subscriber.wants_issues


def test_a_forged_link_gets_a_polish_404(client, db):
    response = client.get("/newsletter/ustawienia/1:falszywy/")
    assert response.status_code == 404
    assert "Ten link nie prowadzi do zapisanego adresu." in response.text


def test_every_issue_links_to_the_page(db):
    from types import SimpleNamespace

    subscriber = _subscriber()
    content = SimpleNamespace(
        subject="Wydanie",
        body_html="<p>x</p>",
        body_text="x",
        kind_label="newsletter",
        issue=SimpleNamespace(pk=1),
        reply_to=[],
    )
    message = issue_message(content, subscriber)
    link = preferences_url(subscriber)
    assert f"Zmień ustawienia newslettera: {link}" in message.body
    assert f'href="{link}"' in message.alternatives[0].content


def test_my_account_shows_the_newsletter_status(client, db, django_user_model):
    from tests.browser.helpers import verify_email

    reader = verify_email(
        django_user_model.objects.create_user(
            username="ala@example.com", email="ala@example.com", password="haslo-czytelniczki-1"
        )
    )
    client.force_login(reader)
    assert "Ten adres nie jest zapisany na newsletter." in client.get("/konto/").text
    subscriber = _subscriber(wants_issues=False)
    html = client.get("/konto/").text
    assert "wysyłane są: powiadomienia o nowych wpisach." in html
    assert preferences_url(subscriber) in html

import re
from datetime import timedelta

import time_machine
from django.core import mail
from django.test import override_settings

from newsletter import dispatch
from newsletter.models import ConsentEvent, Subscriber
from newsletter.tests.conftest import recipients
from newsletter.tokens import confirm_token


def confirmation_link(message):
    return re.search(r"http://127\.0\.0\.1:8000(/newsletter/potwierdz/\S+/)", message.body).group(1)


def test_signup_confirm_then_the_next_issue_arrives(client, db, mailoutbox, run_worker, make_issue):
    client.post("/newsletter/", {"email": "ala@example.com", "topics": "issues", "consent": "on"})
    run_worker()
    link = confirmation_link(mailoutbox[0])

    page = client.get(link)
    assert page.status_code == 200
    assert "Potwierdzam zapis" in page.text
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING  # a GET never confirms

    response = client.post(link, follow=True)
    # Said once, by the page itself: no message above it repeating the same.
    assert response.text.count("Gotowe! Adres <strong>ala@example.com</strong> jest zapisany na newsletter.") == 1
    assert 'class="messages"' not in response.text
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert list(subscriber.events.values_list("action", flat=True)) == ["requested", "confirmed"]
    mail.outbox.clear()
    run_worker()
    assert [m.subject for m in mailoutbox] == ["Witamy w newsletterze Partnerstwa Lokalnego"]

    mail.outbox.clear()
    issue = make_issue(subject="Wydanie lipcowe")
    dispatch.queue(issue)
    run_worker()
    assert [m.subject for m in mailoutbox] == ["Wydanie lipcowe"]
    assert mailoutbox[0].to == ["ala@example.com"]


def test_confirming_twice_changes_nothing(client, make_subscriber):
    subscriber = make_subscriber(status=Subscriber.Status.PENDING)
    url = f"/newsletter/potwierdz/{confirm_token(subscriber)}/"
    client.post(url)
    client.post(url)
    assert ConsentEvent.objects.filter(action=ConsentEvent.Action.CONFIRMED).count() == 1


def test_an_unconfirmed_address_receives_nothing(db, make_subscriber, make_issue, mailoutbox, run_worker):
    make_subscriber(email="czeka@example.com", status=Subscriber.Status.PENDING)
    make_subscriber(email="jest@example.com")
    dispatch.queue(make_issue())
    run_worker()
    assert recipients() == ["jest@example.com"]


def test_an_expired_link_is_refused_with_a_polish_page(client, make_subscriber):
    subscriber = make_subscriber(status=Subscriber.Status.PENDING)
    url = f"/newsletter/potwierdz/{confirm_token(subscriber)}/"
    with override_settings(NEWSLETTER_CONFIRM_DAYS=-1):
        response = client.post(url)
    assert response.status_code == 400
    assert "Link wygasł" in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_an_expired_link_by_the_clock(client, make_subscriber, settings):
    subscriber = make_subscriber(status=Subscriber.Status.PENDING)
    url = f"/newsletter/potwierdz/{confirm_token(subscriber)}/"
    with time_machine.travel(timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS, seconds=1)):
        response = client.get(url)
    assert response.status_code == 400
    assert "Link wygasł" in response.text


def test_a_tampered_link_is_refused_with_a_polish_page(client, make_subscriber):
    subscriber = make_subscriber(status=Subscriber.Status.PENDING)
    other = make_subscriber(status=Subscriber.Status.PENDING)
    token = confirm_token(subscriber).replace(f"{subscriber.pk}:", f"{other.pk}:", 1)
    for url in [f"/newsletter/potwierdz/{token}/", "/newsletter/potwierdz/smieci/"]:
        response = client.post(url)
        assert response.status_code == 400
        assert "Nieprawidłowy link" in response.text
    assert not Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).exists()

from django.test import Client

from newsletter import dispatch, sending
from newsletter.models import ConsentEvent, Subscriber
from newsletter.tests.conftest import recipients
from newsletter.tokens import unsubscribe_token


def test_one_click_post_unsubscribes_without_session_or_csrf(make_subscriber):
    subscriber = make_subscriber()
    client = Client(enforce_csrf_checks=True)
    url = f"/newsletter/wypisz/{unsubscribe_token(subscriber)}/"
    for _ in range(2):  # idempotent
        response = client.post(url, {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
        assert response.text == "Adres wypisano z newslettera."
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    events = subscriber.events.filter(action=ConsentEvent.Action.WITHDRAWN)
    assert [e.source for e in events] == ["jedno kliknięcie w programie pocztowym"]


def test_opening_the_link_only_shows_a_button(client, make_subscriber):
    subscriber = make_subscriber(email="ala@example.com")
    response = client.get(f"/newsletter/wypisz/{unsubscribe_token(subscriber)}/")
    assert response.status_code == 200
    assert "<h1>Wypisanie z newslettera</h1>" in response.text
    assert "Wypisz mnie" in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_the_button_unsubscribes_and_the_page_offers_to_undo(client, make_subscriber):
    subscriber = make_subscriber(email="ala@example.com")
    url = f"/newsletter/wypisz/{unsubscribe_token(subscriber)}/"
    response = client.post(url, follow=True)
    assert "Wypisaliśmy Twój adres" in response.text
    assert "Cofnij wypisanie" in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED

    response = client.post(f"{url}cofnij/", follow=True)
    assert response.redirect_chain == [(f"/newsletter/ustawienia/{unsubscribe_token(subscriber)}/", 302)]
    assert "Wypisanie cofnięte" in response.text
    assert "Wypisz mnie" not in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.unsubscribed_at is None
    assert list(subscriber.events.values_list("action", flat=True)) == ["withdrawn", "restored"]


def test_an_unsubscribed_address_receives_nothing(db, make_subscriber, make_issue, mailoutbox, run_worker):
    make_subscriber(email="wypisany@example.com", status=Subscriber.Status.UNSUBSCRIBED, confirmed_at=None)
    make_subscriber(email="jest@example.com")
    dispatch.queue(make_issue())
    run_worker()
    assert recipients() == ["jest@example.com"]


def test_unsubscribing_during_a_mailing_stops_the_remaining_email(db, make_subscriber, make_issue, mailoutbox):
    leaving = make_subscriber(email="wypisany@example.com")
    make_subscriber(email="jest@example.com")
    issue = make_issue()
    dispatch.queue(issue)
    sending.plan(issue)  # the list is fixed...
    Client().post(f"/newsletter/wypisz/{unsubscribe_token(leaving)}/", {"List-Unsubscribe": "One-Click"})
    sending.send_issue(issue.pk)  # ...but the sender checks each address when its turn comes
    assert recipients() == ["jest@example.com"]
    assert issue.deliveries.get(subscriber=leaving).status == "skipped"


def test_a_tampered_unsubscribe_link_gets_a_polish_400(client, make_subscriber):
    subscriber = make_subscriber()
    response = client.post(f"/newsletter/wypisz/{unsubscribe_token(subscriber)}x/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 400
    assert "Nieprawidłowy link" in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED

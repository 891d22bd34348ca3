import re

from django.template.loader import render_to_string
from django.test import RequestFactory

from newsletter.models import ConsentEvent, Subscriber
from newsletter.views import SIGNUP_DONE


def sign_up(client, email="ala@example.com", **extra):
    data = {"email": email, "topics": "all", "consent": "on", "website": "", **extra}
    return client.post("/newsletter/", data, follow=True)


def test_footer_of_every_page_has_the_box_with_an_unticked_consent(client, db):
    for url in ["/", "/aktualnosci/"]:
        html = client.get(url).text
        assert 'na <a href="/newsletter/">stronie newslettera</a>' in html  # topics are chosen there
        assert "nl-box-topics" not in html
        assert "Zapisz się na newsletter" in html
        assert '<input type="checkbox" name="consent" id="nl-box-consent" required>' in html
        assert "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim" in html
        assert 'href="/polityka-prywatnosci/">polityka prywatności</a>' in html


def test_footer_box_costs_no_query(rf, db, django_assert_num_queries):
    request = RequestFactory().get("/aktualnosci/")
    with django_assert_num_queries(0):
        html = render_to_string("newsletter/signup_box.html", {}, request=request)
    assert 'name="source" value="/aktualnosci/"' in html


def test_signup_page_has_labelled_fields_and_no_second_box(client, db):
    html = client.get("/newsletter/").text
    assert "<h1>Newsletter</h1>" in html
    assert '<label for="id_email">Adres e-mail</label>' in html
    assert "<legend>Co chcesz otrzymywać?</legend>" in html
    assert "nl-box-email" not in html


def test_signup_sends_a_polish_confirmation_email_with_a_signed_link(client, db, mailoutbox, run_worker):
    response = sign_up(client, source="/aktualnosci/")
    assert SIGNUP_DONE in response.text
    run_worker()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["ala@example.com"]
    assert message.subject == "Potwierdź zapis na newsletter Partnerstwa Lokalnego"
    assert "Żeby potwierdzić zapis" in message.body
    assert "http://127.0.0.1:8000/newsletter/potwierdz/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and 'lang="pl"' in html
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.source == "formularz w stopce, strona /aktualnosci/"
    assert subscriber.consent.version == 1
    assert "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim" in subscriber.consent.text
    assert "/polityka-prywatnosci/" in subscriber.consent.text
    assert subscriber.events.get().action == ConsentEvent.Action.REQUESTED


def test_the_answer_is_the_same_for_new_pending_and_subscribed_addresses(client, make_subscriber, db):
    make_subscriber(email="jest@example.com")
    make_subscriber(email="czeka@example.com", status=Subscriber.Status.PENDING)
    answers = []
    for email in ["nowy@example.com", "czeka@example.com", "JEST@example.com"]:
        response = client.post("/newsletter/", {"email": email, "topics": "all", "consent": "on"})
        page = client.get(response["Location"]).text
        answers.append((response.status_code, response["Location"], re.sub(r'value="[^"]{40,}"', "", page)))
    assert answers[0] == answers[1] == answers[2]
    assert answers[0][0] == 302


def test_a_subscribed_address_gets_no_new_email_and_keeps_its_choice(client, make_subscriber, mailoutbox, run_worker):
    subscriber = make_subscriber(email="jest@example.com", wants_posts=True, wants_issues=True)
    sign_up(client, "jest@example.com", topics="posts")
    run_worker()
    assert mailoutbox == []
    subscriber.refresh_from_db()
    assert subscriber.wants_issues is True


def test_repeated_signups_do_not_flood_the_inbox(client, db, mailoutbox, run_worker):
    for _ in range(4):
        sign_up(client, "ala@example.com")
        run_worker()
    assert len(mailoutbox) == 1
    assert Subscriber.objects.count() == 1


def test_invalid_email_gets_a_polish_message_and_keeps_what_was_typed(client, db):
    response = client.post("/newsletter/", {"email": "ala@@example", "topics": "posts", "consent": "on"})
    assert response.status_code == 400
    assert "Podaj poprawny adres e-mail" in response.text
    assert 'value="ala@@example"' in response.text
    assert re.search(r'<input type="radio" name="topics" value="posts"[^>]* checked', response.text)
    assert not Subscriber.objects.exists()


def test_consent_is_required(client, db):
    response = client.post("/newsletter/", {"email": "ala@example.com", "topics": "all"})
    assert response.status_code == 400
    assert "Zaznacz zgodę" in response.text
    assert 'value="ala@example.com"' in response.text
    assert not Subscriber.objects.exists()


def test_honeypot_refuses_bots(client, db):
    response = client.post(
        "/newsletter/", {"email": "bot@example.com", "topics": "all", "consent": "on", "website": "http://spam.example"}
    )
    assert response.status_code == 400
    assert "Nie udało się wysłać formularza" in response.text
    assert not Subscriber.objects.exists()


def test_too_many_signups_of_one_address_are_refused_in_polish(client, db):
    for _ in range(5):
        client.post("/newsletter/", {"email": "ala@example.com", "topics": "all", "consent": "on"})
    response = client.post("/newsletter/", {"email": "ala@example.com", "topics": "all", "consent": "on"})
    assert response.status_code == 429
    assert "Zbyt wiele prób zapisu" in response.text
    assert 'value="ala@example.com"' in response.text

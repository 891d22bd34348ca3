"""After confirming, a subscriber gets a welcome e-mail with a link to their own settings page."""

from newsletter import subscriptions
from newsletter.mail import preferences_url, unsubscribe_url
from newsletter.models import ConsentText, Subscriber


def test_confirming_sends_one_welcome_with_the_settings_page(db, mailoutbox, run_worker):
    subscriber = Subscriber.objects.create(email="ola@example.com", consent=ConsentText.current(), source="test")
    assert subscriptions.confirm(subscriber, source="test")
    run_worker()
    [welcome] = [m for m in mailoutbox if m.subject == "Witamy w newsletterze Partnerstwa Lokalnego"]
    assert welcome.to == ["ola@example.com"]
    assert preferences_url(subscriber) in welcome.body
    assert f'href="{preferences_url(subscriber)}"' in welcome.alternatives[0].content
    assert welcome.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url(subscriber)}>"
    # Confirming again (a second click on the link) sends no second welcome.
    assert subscriptions.confirm(subscriber, source="test")
    run_worker()
    assert len([m for m in mailoutbox if m.subject.startswith("Witamy")]) == 1

"""Every kind of e-mail, shown in Chromium at 390 px, scrolls only downwards: a 1200 px image shrinks to fit."""

from types import SimpleNamespace

import pytest
from django.core import mail

from tests.browser.helpers import horizontal_overflow

pytestmark = pytest.mark.browser

LONG_LINK = "https://pup.example.gov.pl/aktualnosci/" + "bardzo-dlugi-adres-" * 8


def _html(message):
    [(content, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return content


def _newsletter_issue():
    from newsletter.mail import issue_message
    from newsletter.models import Subscriber

    body = (
        f'<p>Relacja ze spotkania: <a href="{LONG_LINK}">{LONG_LINK}</a></p>'
        '<p><img src="https://portal.example/media/spotkanie.jpg" alt="Uczestnicy spotkania"'
        ' width="1200" height="800"></p>'
        "<table><tr><td>" + "Wiersz tabeli z długim tekstem " * 10 + "</td></tr></table>"
    )
    content = SimpleNamespace(
        subject="Newsletter partnerstwa – grudzień",
        body_html=body,
        body_text="Relacja.",
        kind_label="newsletter",
        issue=SimpleNamespace(pk=1),
        reply_to=[],
    )
    return issue_message(content, Subscriber(email="ala@example.com"))


def _newsletter_confirmation():
    from newsletter.mail import confirmation_message
    from newsletter.models import ConsentText, Subscriber

    subscriber = Subscriber.objects.create(email="ola@example.com", consent=ConsentText.current(), source="test")
    return confirmation_message(subscriber)


def _newsletter_welcome():
    from django.utils import timezone

    from newsletter.mail import welcome_message
    from newsletter.models import ConsentText, Subscriber

    subscriber = Subscriber.objects.create(
        email="ewa@example.com",
        consent=ConsentText.current(),
        source="test",
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=timezone.now(),
    )
    return welcome_message(subscriber)


def _staff_notice():
    from core.notify import send_mail_task

    mail.outbox = []
    send_mail_task.func("Nowy komentarz czeka na zatwierdzenie", f"Komentarz do wpisu:\n{LONG_LINK}", ["s@example.com"])
    return mail.outbox[-1]


def _account_mail():
    from accounts.adapter import AccountAdapter

    context = {
        "password_reset_url": LONG_LINK,
        "user": SimpleNamespace(email="ala@example.com"),
        "current_site": SimpleNamespace(name="Partnerstwo", domain="example.com"),
        "username": "ala",
    }
    return AccountAdapter().render_mail("account/email/password_reset_key", "ala@example.com", context)


def _invitation():
    from django.contrib.auth import get_user_model

    from accounts.invite import invitation_message

    colleague = get_user_model().objects.create_user(
        username="anna.kowalska@pup.example", email="anna.kowalska@pup.example", first_name="Anna"
    )
    return invitation_message(colleague, "Redaktor")


@pytest.mark.parametrize(
    "make_message",
    [
        _newsletter_issue,
        _newsletter_confirmation,
        _newsletter_welcome,
        _staff_notice,
        _account_mail,
        _invitation,
    ],
)
def test_the_mail_has_a_branded_html_part_that_fits_390_px(page, make_message):
    message = make_message()
    assert message.body.strip()  # the plain-text alternative
    html = _html(message)
    assert "Partnerstwo Lokalne Powiatu Nowodworskiego" in html
    from conftest import image_bytes

    # The photo is served by the test itself: nothing leaves the machine.
    page.route(
        "https://portal.example/**",
        lambda route: route.fulfill(body=image_bytes(size=(1200, 800)), content_type="image/jpeg"),
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.set_content(html, wait_until="load")
    assert horizontal_overflow(page) <= 0
    widths = page.locator("img").evaluate_all("images => images.map(i => i.getBoundingClientRect().width)")
    assert all(width <= 390 for width in widths), widths
    if 'width="1200"' in html:
        assert max(widths) > 300  # the 1200 px image is laid out, scaled down to the mail's width

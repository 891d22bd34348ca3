"""One-click unsubscribe (RFC 8058) works with a production-length address: the List-Unsubscribe
header reaches the mailbox provider as the plain URL, never as RFC 2047 encoded words."""

import email
import email.policy
import re

import pytest

from newsletter import dispatch
from newsletter.mail import UrlListHeader, list_headers
from newsletter.tokens import unsubscribe_token

SITE = "https://partnerstwo.powiat-nowodworski.pl"
LONG_URL = f"{SITE}/newsletter/wypisz/{'Ab3-_' * 30}/"  # a 150-character token


def raw_headers(raw):
    return raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]


def test_a_long_unsubscribe_address_stays_a_readable_url_in_the_raw_message(db, mailoutbox):
    from django.core.mail import EmailMessage

    message = EmailMessage("Wydanie", "Treść", to=["ala@example.com"], headers=list_headers(LONG_URL))
    for policy in (email.policy.default, email.policy.SMTP):
        raw = message.message(policy=policy).as_bytes()
        assert f"List-Unsubscribe: <{LONG_URL}>".encode() in raw
        assert b"=?" not in raw_headers(raw)
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert parsed["List-Unsubscribe"] == f"<{LONG_URL}>"
        assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert email.message_from_bytes(raw)["List-Unsubscribe"] == f"<{LONG_URL}>"  # the old compat32 parser too


def test_every_mailing_sent_by_the_worker_carries_the_plain_unsubscribe_url(
    db, settings, tmp_path, make_subscriber, make_issue, run_worker
):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["partnerstwo.powiat-nowodworski.pl"]
    settings.MAILERS = {
        "default": {"BACKEND": "django.core.mail.backends.filebased.EmailBackend", "OPTIONS": {"file_path": tmp_path}}
    }
    subscriber = make_subscriber(email="ala@example.com")
    dispatch.queue(make_issue())
    run_worker()
    [written] = tmp_path.iterdir()
    raw = written.read_bytes()
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    url = f"{SITE}/newsletter/wypisz/{unsubscribe_token(subscriber)}/"
    assert parsed["List-Unsubscribe"] == f"<{url}>"
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert b"=?" not in re.search(rb"^List-Unsubscribe:.*$", raw, re.MULTILINE)[0]


def test_several_addresses_fold_between_items_only():
    header = UrlListHeader("List-Unsubscribe", [LONG_URL, "mailto:wypisz@partnerstwo.powiat-nowodworski.pl"])
    folded = header.fold(policy=email.policy.SMTP)
    assert folded == (f"List-Unsubscribe: <{LONG_URL}>,\r\n <mailto:wypisz@partnerstwo.powiat-nowodworski.pl>\r\n")


@pytest.mark.parametrize(
    "url, written",
    [
        (f"{SITE}/a\r\nBcc: x@example.com", f"{SITE}/a%0D%0ABcc:%20x@example.com"),
        (f"{SITE}/a b,<c>", f"{SITE}/a%20b%2C%3Cc%3E"),
        (f"{SITE}/wypisz/zażółć/", f"{SITE}/wypisz/za%C5%BC%C3%B3%C5%82%C4%87/"),
    ],
)
def test_an_address_cannot_break_out_of_its_item(url, written):
    header = UrlListHeader("List-Unsubscribe", [url])
    assert header == f"<{written}>"
    assert header.fold(policy=email.policy.SMTP) == f"List-Unsubscribe: <{written}>\r\n"

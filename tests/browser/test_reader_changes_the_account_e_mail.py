"""A reader changes the account's address: adds a new one, confirms it from the e-mail, and signs in with it.

With ACCOUNT_CHANGE_EMAIL the confirmed new address becomes the account's own (primary) and the
old one goes: there is no separate „make primary” step to take.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from playwright.sync_api import expect

from tests.browser.helpers import horizontal_overflow, verify_email

pytestmark = pytest.mark.browser

OLD = "jan.nowak.pomiechowek@example.org"
NEW = "jan.nowak.nowy.adres.pomiechowek@example.org"
PASSWORD = "Mocne-haslo-czytelnika-7"

# Whether any address on the page is cut: wider than its own box, or than the window.
ADDRESSES_FIT = """() => Array.from(document.querySelectorAll('main .email-address')).every(el => {
    const box = el.getBoundingClientRect();
    return el.scrollWidth <= el.clientWidth + 1 && box.right <= window.innerWidth && box.left >= 0;
})"""


@pytest.mark.parametrize("width", [390, 1366])
def test_reader_adds_an_address_confirms_it_from_the_e_mail_and_it_becomes_the_accounts(
    page, django_user_model, mailoutbox, run_worker, width
):
    reader = verify_email(django_user_model.objects.create_user(username=OLD, email=OLD, password=PASSWORD))
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/konto/zaloguj/")
    form = page.get_by_role("main").locator("form")
    form.get_by_label("Adres e-mail").fill(OLD)
    form.get_by_label(re.compile(r"^Hasło")).fill(PASSWORD)
    form.get_by_role("button", name="Zaloguj się").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moje konto")

    page.get_by_role("link", name="Zmień adres e-mail").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Adres e-mail")
    expect(page).to_have_title(re.compile("^Adres e-mail – "))
    crumbs = page.get_by_role("navigation", name="Ścieżka nawigacji")
    expect(crumbs.locator('[aria-current="page"]')).to_have_text("Adres e-mail")
    page.get_by_label("Nowy adres e-mail").fill(NEW)
    page.get_by_role("button", name="Zmień adres e-mail").click()

    main = page.get_by_role("main")
    expect(main.get_by_text(NEW, exact=True)).to_be_visible()
    expect(main.get_by_text(OLD, exact=True)).to_be_visible()
    assert page.evaluate(ADDRESSES_FIT)
    assert horizontal_overflow(page) == 0
    assert "Zweryfikuj" not in page.content()

    run_worker()  # the confirmation is queued by the request and sent by the task worker
    message = next(m for m in mail.outbox if m.to == [NEW])
    assert "Potwierdź" in message.subject
    link = re.search(r"https?://[^/\s]+(/konto/potwierdz-adres/\S+/)", message.body).group(1)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Potwierdź adres e-mail")
    # The address is named once, in the sentence; the button says what the e-mail said.
    assert page.get_by_role("main").inner_text().count(NEW) == 1
    assert horizontal_overflow(page) == 0
    page.get_by_role("main").get_by_role("button", name="Potwierdź").click()

    page.goto("/konto/adres-e-mail/")
    account = page.locator(".email-addresses")
    expect(account).to_contain_text(f"Adres konta {NEW} (potwierdzony)")
    expect(account).not_to_contain_text(OLD)
    assert page.evaluate(ADDRESSES_FIT)
    assert horizontal_overflow(page) == 0
    [address] = EmailAddress.objects.filter(user=reader)
    assert (address.email, address.verified, address.primary) == (NEW, True, True)
    reader.refresh_from_db()
    assert reader.email == NEW

    # The new address is the one that signs in now.
    page.context.clear_cookies()
    page.goto("/konto/zaloguj/")
    form = page.get_by_role("main").locator("form")
    form.get_by_label("Adres e-mail").fill(NEW)
    form.get_by_label(re.compile(r"^Hasło")).fill(PASSWORD)
    form.get_by_role("button", name="Zaloguj się").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moje konto")
    expect(page.get_by_role("main")).to_contain_text(f"Adres e-mail konta: {NEW}.")

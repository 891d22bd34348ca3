import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser

EMAIL = "czytelnik@example.com"
PASSWORD = "Mocne-haslo-czytelnika-7"
COMMENT = "Czy staże obejmą też osoby po pięćdziesiątce?"


@pytest.fixture
def post(make_post):
    return make_post(title="Nabór na staże", body="<p>Urząd pracy zaprasza na staże.</p>")


def link_in(message, path_prefix):
    return re.search(rf"https?://[^/\s]+({re.escape(path_prefix)}\S+/)", message.body).group(1)


def sign_up_and_verify(page, run_worker):
    page.goto("/konto/zaloz/")
    form = page.get_by_role("main").locator("form")
    form.get_by_label("Adres e-mail").fill(EMAIL)
    form.get_by_label(re.compile(r"^Hasło:?$")).fill(PASSWORD)
    form.get_by_label(re.compile("Hasło \\(ponownie\\)")).fill(PASSWORD)
    form.get_by_role("button", name="Załóż konto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Potwierdź adres e-mail")

    run_worker()  # the confirmation is queued by the request and sent by the task worker
    [message] = mail.outbox
    assert message.to == [EMAIL]
    page.goto(link_in(message, "/konto/potwierdz-adres/"))
    page.get_by_role("main").get_by_role("button", name="Potwierdź").click()


def test_reader_signs_up_verifies_logs_in_rates_and_comments_after_moderation(
    any_page, browser, live_server, post, alice, mailoutbox, run_worker
):
    page = any_page
    sign_up_and_verify(page, run_worker)
    # Confirming the address in the same browser signs the new reader in.
    expect(page.get_by_role("link", name="Moje konto")).to_be_visible()

    page.goto(post.get_absolute_url())
    rating = page.get_by_role("group", name="Twoja ocena (od 1 do 5 gwiazdek)")
    rating.get_by_label("4 – dobry").check()
    page.get_by_role("button", name="Oceń wpis").click()
    expect(page.get_by_text("Dziękujemy za ocenę: 4 / 5.")).to_be_visible()
    expect(page.get_by_text("Twoja ocena: 4 / 5. Ocenę można zmienić.")).to_be_visible()

    page.get_by_label("Podpis").fill("Mieszkaniec")
    page.get_by_label("Treść komentarza").fill(COMMENT)
    page.get_by_role("button", name="Wyślij komentarz").click()
    expect(page.get_by_text("Twój pierwszy komentarz pojawi się po zatwierdzeniu")).to_be_visible()
    expect(page.locator(".comment-pending")).to_contain_text(COMMENT)  # the author sees it, waiting

    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto(post.get_absolute_url())
    expect(visitor.get_by_text(COMMENT)).to_have_count(0)

    staff = browser.new_context(base_url=live_server.url).new_page()
    log_in_to_admin(staff, alice, next_url="/admin/news/comment/")
    staff.get_by_role("row", name=re.compile("Mieszkaniec")).get_by_role("checkbox").check()
    staff.get_by_label("Akcja:").select_option(label="Zatwierdź zaznaczone komentarze")
    staff.get_by_role("button", name="Uruchom").click()
    expect(staff.locator(".messagelist")).to_contain_text("Zatwierdzone komentarze: 1.")
    staff.context.close()

    visitor.reload()
    comment = visitor.locator(".comment-list li")
    expect(comment).to_contain_text(COMMENT)
    expect(comment).to_contain_text("Mieszkaniec")
    expect(visitor.get_by_text("1 komentarz", exact=True)).to_be_visible()
    expect(visitor.get_by_text("4,0 / 5")).to_be_visible()
    visitor.context.close()

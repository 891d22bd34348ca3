"""Someone from a gmina writes a post for it and sends it for approval; the other gmina's account
cannot open it; the Redaktor sees the gmina, publishes the post, and residents read it."""

import pytest
from playwright.sync_api import expect

from accounts.roles import PARTNER
from members.models import Gmina, Institution, InstitutionAccount, InstitutionKind
from news.models import Post
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser

TITLE = "Dni Nasielska: stoisko doradców zawodowych"
PASSWORD = f"{PARTNER.lower()}-haslo-123"


def _tab(browser, live_server, user, password, next_url="/admin/"):
    tab = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    log_in_to_admin(tab, user, password=password, next_url=next_url)
    return tab


def _partner(staff_in_role, name, short_name, gmina, email):
    institution = Institution.objects.create(name=name, short_name=short_name, kind=InstitutionKind.GMINA, gmina=gmina)
    user = staff_in_role(PARTNER, email=email)
    InstitutionAccount.objects.create(user=user, institution=institution)
    return user


def test_a_gminas_post_goes_through_approval_unseen_by_the_other_gmina(
    page, browser, live_server, editor, category, staff_in_role, settings, run_worker
):
    settings.STAFF_NOTIFY_EMAILS = []
    nasielsk = _partner(
        staff_in_role, "Urząd Miejski w Nasielsku", "Nasielsk", Gmina.NASIELSK, "promocja@nasielsk.example"
    )
    czosnow = _partner(staff_in_role, "Urząd Gminy Czosnów", "Czosnów", Gmina.CZOSNOW, "sekretariat@czosnow.example")

    # The gmina's account lands on a working home page and writes the post.
    log_in_to_admin(page, nasielsk, password=PASSWORD, next_url="/admin/")
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Brak dostępu")
    page.get_by_role("link", name="Wpisy").first.click()
    page.get_by_role("link", name="Dodaj wpis").click()
    page.get_by_label("Tytuł:", exact=True).fill(TITLE)
    page.locator(".field-category .select2-selection").click()
    page.locator(".select2-search__field").fill("Wiad")
    page.get_by_role("option", name="Wiadomości").click()
    page.locator(".ck-editor__editable").click()
    page.keyboard.type("Doradcy urzędu pracy będą na rynku w sobotę.")
    expect(page.get_by_label("Status")).to_have_count(0)
    expect(page.locator(".field-institution")).to_contain_text("Urząd Miejski w Nasielsku")
    page.get_by_role("button", name="Wyślij do akceptacji").click()
    expect(page.locator(".messagelist")).to_contain_text("Wysłano wpis do akceptacji")
    run_worker()
    post = Post.objects.get(title=TITLE)
    assert post.institution.short_name == "Nasielsk" and not post.is_public

    # The other gmina's account neither lists nor opens it.
    other = _tab(browser, live_server, czosnow, PASSWORD, next_url="/admin/news/post/")
    expect(other.locator("#result_list")).to_have_count(0)
    expect(other.get_by_text(TITLE)).to_have_count(0)
    other.goto(f"/admin/news/post/{post.pk}/change/")
    expect(other.get_by_role("heading", level=1)).to_have_text("Brak dostępu")
    expect(other.get_by_text(TITLE)).to_have_count(0)
    other.context.close()

    # The Redaktor sees the gmina and publishes the post.
    approver = _tab(browser, live_server, editor, "redaktor-haslo-123")
    approver.get_by_role("link", name="1 wpis czeka na akceptację").click()
    expect(approver.locator("#result_list")).to_contain_text("(Nasielsk)")
    approver.get_by_role("link", name=TITLE).click()
    approver.get_by_role("button", name="Zatwierdź i opublikuj").click()
    expect(approver.locator(".messagelist")).to_contain_text("Zatwierdzono wpis.")
    approver.context.close()

    resident = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    resident.goto("/aktualnosci/")
    resident.get_by_role("link", name=TITLE).click()
    expect(resident.get_by_role("heading", level=1)).to_have_text(TITLE)
    resident.context.close()

"""The office's day, one role at a time (issue 26; shared/reviews/staff-day-2026-12-04.md).

An Administrator invites a Redaktor, who sets a password from the e-mail and signs in with the
second factor staff need; a Redaktor writes and publishes a post; a Moderator approves a comment
and accepts a request to join. On every admin page each of them opens, no link leads to a page
their role is refused.
"""

import re
from urllib.parse import urlsplit

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.core import mail
from playwright.sync_api import expect

from accounts.roles import ADMINISTRATOR, MODERATOR, REDAKTOR
from members.models import AccessionRequest, Institution
from news.models import Category, Comment, Post
from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

PASSWORD = "Nasielsk-rynek-pracy-2027"


def totp_code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def refused_links(page):
    """The admin links on the page (menus, buttons, lists) that answer 403 to the person signed in."""
    links = page.locator("a[href^='/admin/']")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    refused = []
    for href in sorted(set(hrefs)):
        if "/logout/" in href:
            continue
        if page.request.get(href, max_redirects=0).status == 403:
            refused.append(href)
    return refused


def test_administrator_invites_a_redaktor_who_sets_a_password_and_signs_in(
    page, browser, live_server, staff_in_role, run_worker, settings, log_in
):
    settings.MFA_REQUIRED_FOR_STAFF = True
    settings.OFFICE_EMAIL = "partnerstwo@pup.example"
    administrator = staff_in_role(ADMINISTRATOR, email="kierowniczka@pup.example")
    TOTP.activate(administrator, "JBSWY3DPEHPK3PXP")  # she has her second factor already
    log_in(page, administrator)

    page.goto("/admin/")
    page.locator("#content-main").get_by_role("link", name="Użytkownicy", exact=True).click()
    page.get_by_role("link", name="Dodaj pracownika").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dodaj pracownika")
    expect(page.get_by_text("Nazwa użytkownika")).to_have_count(0)
    page.get_by_label("Imię").fill("Anna")
    page.get_by_label("Nazwisko").fill("Kowalska")
    page.get_by_label("Adres e-mail").fill("anna.kowalska@pup.example")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.get_by_text("Wybierz rolę.")).to_be_visible()  # forgot the role; the rest is kept
    expect(page.get_by_label("Nazwisko")).to_have_value("Kowalska")
    page.get_by_role("radio", name=re.compile("^Redaktor –")).check()
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Dodano pracownika „Anna Kowalska”.")
    row = page.locator("#result_list tr", has_text="anna.kowalska@pup.example")
    expect(row).to_contain_text("Anna Kowalska")
    expect(row).to_contain_text("Redaktor")
    expect(row).to_contain_text("jeszcze nie")
    assert refused_links(page) == []

    run_worker()
    [invitation] = mail.outbox
    assert invitation.reply_to == ["partnerstwo@pup.example"]
    assert "kierowniczka@pup.example" not in invitation.message().as_string()
    link = re.search(r"https?://\S+/konto/haslo/nowe/klucz/\S+", invitation.body).group()

    anna = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    anna.set_default_timeout(10_000)
    split = urlsplit(link)
    anna.goto(f"{split.path}?{split.query}")
    expect(anna.get_by_role("heading", level=1)).to_have_text("Ustaw hasło do panelu")
    violations = run_axe(anna)
    assert not violations, format_violations(violations)
    anna.get_by_label(re.compile(r"^Nowe hasło:?$")).fill(PASSWORD)
    anna.get_by_label(re.compile(r"^Nowe hasło \(ponownie\):?$")).fill(PASSWORD)
    anna.locator("main").get_by_role("button", name="Ustaw hasło").click()
    expect(anna.get_by_role("heading", level=1)).to_have_text("Logowanie dla pracowników")  # then the admin

    login = anna.locator("form", has=anna.get_by_role("button", name=re.compile("Zaloguj", re.I)))
    login.get_by_label("Adres e-mail").fill("anna.kowalska@pup.example")
    login.get_by_label("Hasło").fill(PASSWORD)
    login.get_by_role("button", name=re.compile("Zaloguj", re.I)).click()

    # Staff set up the authenticator app before the admin opens (README, MFA_REQUIRED_FOR_STAFF).
    expect(anna.get_by_text("Panel administracyjny wymaga")).to_be_visible()
    anna.locator("main").get_by_label("Hasło").fill(PASSWORD)  # allauth asks again before a change
    anna.locator("main").get_by_role("button").last.click()
    secret = anna.locator("#authenticator_secret").input_value()
    anna.locator("main input[name=code]").fill(totp_code(secret))
    anna.locator("main").get_by_role("button").last.click()
    expect(anna.get_by_role("heading", level=1)).to_have_text("Kody zapasowe")

    anna.get_by_role("link", name="przejdź do panelu administracyjnego").click()
    expect(anna.locator("#content-main").get_by_role("link", name="Wpisy", exact=True)).to_be_visible()
    expect(anna.locator("#content-main").get_by_role("link", name="Komentarze", exact=True)).to_have_count(0)
    assert refused_links(anna) == []
    anna.context.close()


def test_redaktor_writes_and_publishes_a_post_and_meets_no_button_it_cannot_use(
    page, browser, live_server, staff_in_role, bob
):
    Category.objects.create(name="Komunikaty", slug="komunikaty")
    redaktor = staff_in_role(REDAKTOR)
    log_in_to_admin(page, redaktor, password="redaktor-haslo-123")
    assert refused_links(page) == []

    page.locator("#content-main tr.model-post").get_by_role("link", name="Dodaj").click()
    assert refused_links(page) == []
    page.get_by_label("Tytuł:", exact=True).fill("Dyżur doradcy zawodowego w Nasielsku")
    page.locator(".field-category .select2-selection").click()
    page.locator(".select2-search__field").fill("Komun")
    page.get_by_role("option", name="Komunikaty").click()
    page.locator(".ck-editor__editable").click()
    page.keyboard.type("Doradca zawodowy przyjmuje w każdy czwartek w bibliotece.")
    page.get_by_label("Status").select_option("published")
    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    expect(page.locator(".messagelist")).to_contain_text("Dyżur doradcy zawodowego w Nasielsku")
    assert refused_links(page) == []

    post = Post.objects.get(title="Dyżur doradcy zawodowego w Nasielsku")
    assert Post.objects.published().filter(pk=post.pk).exists()
    Comment.objects.create(
        post=post, user=bob, author_name="Bob", body="Czy trzeba się zapisać?", status=Comment.Status.APPROVED
    )
    page.goto(post.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Dyżur doradcy zawodowego w Nasielsku")
    expect(page.get_by_text("Czy trzeba się zapisać?")).to_be_visible()
    # Replies are the Moderator's: the Redaktor is offered none.
    expect(page.get_by_text("Odpowiedz jako Partnerstwo")).to_have_count(0)
    expect(page.get_by_text("Zmień odpowiedź Partnerstwa")).to_have_count(0)
    assert refused_links(page) == []

    reader = browser.new_context(base_url=live_server.url).new_page()
    reader.goto("/aktualnosci/")
    reader.get_by_role("link", name="Dyżur doradcy zawodowego w Nasielsku").click()
    expect(reader.locator(".rich-text")).to_contain_text("w każdy czwartek w bibliotece")
    reader.context.close()


def test_moderator_approves_a_comment_and_accepts_a_request_landing_where_it_can_act(
    page, browser, live_server, staff_in_role, make_post, bob, run_worker
):
    post = make_post(title="Nabór na staże")
    Comment.objects.create(post=post, user=bob, author_name="Bob", body="Do kiedy można się zgłaszać?")
    AccessionRequest.objects.create(
        institution_name="Cech Rzemiosł Różnych",
        kind="pracodawca",
        gmina="zakroczym",
        contact_name="Jan Przykładowy",
        email="jan@example.org",
        consent=True,
    )
    moderator = staff_in_role(MODERATOR)
    log_in_to_admin(page, moderator, password="moderator-haslo-123")
    assert refused_links(page) == []

    tasks = page.locator("#content-main .dashboard-tasks")
    tasks.get_by_role("link", name="1 komentarz czeka na moderację").click()
    assert refused_links(page) == []
    page.locator("input.action-select").first.check()
    page.get_by_label(re.compile("^Akcja")).select_option(label="Zatwierdź zaznaczone komentarze")
    page.get_by_role("button", name="Uruchom").click()
    expect(page.locator(".messagelist")).to_contain_text("Zatwierdzone komentarze: 1.")

    page.goto("/admin/")
    page.locator("#content-main .dashboard-tasks").get_by_role(
        "link", name="1 zgłoszenie przystąpienia czeka na decyzję"
    ).click()
    page.get_by_role("link", name="Cech Rzemiosł Różnych").click()
    assert refused_links(page) == []
    page.get_by_role("link", name="Przyjmij zgłoszenie…").click()
    page.get_by_role("button", name="Tak, przyjmij zgłoszenie").click()

    # The new institution's form, which a Moderator completes and publishes: not „Brak dostępu”.
    expect(page.locator(".messagelist")).to_contain_text("Przyjęto zgłoszenie „Cech Rzemiosł Różnych”")
    expect(page.get_by_role("heading", name="Brak dostępu")).to_have_count(0)
    assert refused_links(page) == []
    page.get_by_label(re.compile(r"^Adres:?$")).fill("ul. Warszawska 1, 05-170 Zakroczym")
    page.get_by_label("Opublikowana").check()
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Cech Rzemiosł Różnych")
    assert Institution.objects.get(name="Cech Rzemiosł Różnych").is_published
    run_worker()
    # The applicant hears of the decision, the resident of the approved comment.
    assert sorted(m.to for m in mail.outbox) == [["bob@example.com"], ["jan@example.org"]]

    page.goto(post.get_absolute_url())
    # The Moderator answers comments: the page offers it.
    expect(page.get_by_role("link", name=re.compile("^Odpowiedz jako Partnerstwo"))).to_be_visible()
    assert refused_links(page) == []
    reader = browser.new_context(base_url=live_server.url).new_page()
    reader.goto("/partnerzy/")
    expect(reader.get_by_role("link", name="Cech Rzemiosł Różnych")).to_be_visible()
    reader.goto(post.get_absolute_url())
    expect(reader.get_by_text("Do kiedy można się zgłaszać?")).to_be_visible()
    reader.context.close()

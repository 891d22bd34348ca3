import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def posts(make_post):
    make_post(
        title="Targi pracy w Łodzi",
        lead="Uczniowie i absolwenci pojadą na targi pracy do Łodzi.",
        body="<p>Wyjazd organizuje Powiatowy Urząd Pracy.</p>",
    )
    make_post(title="Nabór na staże", body="<p>Staże dla osób bezrobotnych w Nasielsku.</p>")


def search_from_the_header(page, query):
    page.get_by_role("search").first.get_by_label("Szukaj w portalu").fill(query)
    page.get_by_role("search").first.get_by_role("button", name="Szukaj").click()


def test_resident_finds_a_post_without_typing_polish_letters_and_opens_it(any_page, posts):
    page = any_page
    page.goto("/")
    search_from_the_header(page, "lodz")

    expect(page.get_by_role("heading", level=1)).to_have_text("Wyszukiwarka")
    expect(page.get_by_role("status")).to_have_text("Znaleziono 1 wynik dla zapytania „lodz”.")
    result = page.locator("article.search-result")
    expect(result.locator("mark").first).to_have_text("Łodzi")  # the word found, as the text writes it
    result.get_by_role("link", name="Targi pracy w Łodzi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Targi pracy w Łodzi")


def test_resident_finds_it_despite_a_one_letter_typo(any_page, posts):
    page = any_page
    page.goto("/aktualnosci/")
    search_from_the_header(page, "absolwemci")  # „absolwenci” with one letter wrong

    expect(page.get_by_role("status")).to_have_text("Znaleziono 1 wynik dla zapytania „absolwemci”.")
    page.get_by_role("link", name="Targi pracy w Łodzi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Targi pracy w Łodzi")


def test_resident_is_told_in_polish_when_nothing_matches(any_page, posts):
    page = any_page
    page.goto("/szukaj/")
    page.get_by_label("Czego szukasz?").fill("xyzzy")
    page.get_by_role("main").get_by_role("button", name="Szukaj").click()
    expect(page.get_by_role("status")).to_contain_text("Nic nie znaleziono dla zapytania „xyzzy”.")
    expect(page.locator("article.search-result")).to_have_count(0)

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def news(make_post, category):
    from news.models import Category

    events = Category.objects.create(name="Wydarzenia", slug="wydarzenia")
    # 25 posts: three pages of ten; every fifth is an event.
    for n in range(1, 26):
        make_post(title=f"Wiadomość {n:02d}", category=events if n % 5 == 0 else category)
    return events


def test_resident_reads_a_post_then_pages_through_the_list_and_filters_by_category(any_page, news):
    page = any_page
    page.goto("/")
    page.get_by_role("link", name="Wiadomość 01").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Wiadomość 01")
    expect(page.get_by_text("Opublikowano:")).to_be_visible()
    page.get_by_role("link", name="‹ Powrót do wpisów").first.click()

    expect(page).to_have_url(re.compile(r"/aktualnosci/$"))
    expect(page.get_by_text("Strona 1 z 3")).to_be_visible()
    expect(page.locator("article.card")).to_have_count(10)
    page.get_by_role("link", name="Starsze wpisy »").click()
    expect(page.get_by_text("Strona 2 z 3")).to_be_visible()
    page.get_by_role("link", name="Starsze wpisy »").click()
    expect(page.get_by_text("Strona 3 z 3")).to_be_visible()
    expect(page.locator("article.card")).to_have_count(5)
    expect(page.get_by_role("link", name="Wiadomość 25")).to_be_visible()
    page.get_by_role("link", name="« Nowsze wpisy").click()
    expect(page.get_by_text("Strona 2 z 3")).to_be_visible()

    page.get_by_role("link", name="Wydarzenia").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kategoria: Wydarzenia")
    expect(page.locator("article.card")).to_have_count(5)
    expect(page.get_by_role("link", name="Wiadomość 01")).to_have_count(0)
    page.get_by_role("link", name="Wszystkie aktualności").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aktualności")


def test_resident_finds_the_accessibility_statement_from_any_page(any_page, news):
    page = any_page
    page.goto("/aktualnosci/")
    page.get_by_role("contentinfo").get_by_role("link", name="Deklaracja dostępności").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Deklaracja dostępności")
    expect(page.locator("#a11y-status")).to_contain_text("ustawą z dnia 4 kwietnia 2019 r.")

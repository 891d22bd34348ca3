"""A resident with only a keyboard, on a phone and on a desktop: from the home page through the menu to
the news, then search, a post and its comment form. At every Tab stop the focus shows a ring and nothing
covers it (WCAG 2.1.1, 2.4.7, 2.4.11)."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import FOCUS_IS_UNCOVERED, focus_ring, verify_email

pytestmark = pytest.mark.browser

ACTIVE = """() => {
    const el = document.activeElement;
    const label = el.labels?.[0]?.textContent.trim() || el.getAttribute("aria-label") || "";
    return {text: (el.textContent || "").trim(), label};
}"""


class Keyboard:
    """Tab through a page as a keyboard user does, noting every stop whose focus cannot be seen."""

    def __init__(self, page):
        self.page = page
        self.unseen = []

    def tab_to(self, wanted, limit=80):
        """Press Tab until the focused control's text or label is `wanted`."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            ring = focus_ring(self.page)
            if not ring["key"].startswith("BODY") and not (ring["visible"] and self.page.evaluate(FOCUS_IS_UNCOVERED)):
                self.unseen.append(f"{self.page.url} {ring['key']}")
            active = self.page.evaluate(ACTIVE)
            if wanted in (active["text"], active["label"].rstrip(":")):
                return
        raise AssertionError(f"{wanted!r} not reached in {limit} Tab presses on {self.page.url}")


@pytest.fixture
def reader(django_user_model):
    return verify_email(
        django_user_model.objects.create_user(
            username="klawiatura@example.com", email="klawiatura@example.com", password="haslo-z-klawiatury-1"
        )
    )


@pytest.mark.parametrize("width", [390, 1366])
def test_resident_reaches_the_news_search_a_post_and_comments_by_keyboard_alone(page, log_in, reader, make_post, width):
    from news.models import Comment

    post = make_post(title="Nabór na staże w urzędzie pracy", body="<p>Urząd pracy zaprasza na staże.</p>")
    page.set_viewport_size({"width": width, "height": 844})
    log_in(page, reader)
    page.goto("/")
    keys = Keyboard(page)

    if width < 960:
        keys.tab_to("Menu")  # on a phone the menu opens from its button
        page.keyboard.press("Enter")
    keys.tab_to("Aktualności")
    page.keyboard.press("Enter")
    page.wait_for_url("**/aktualnosci/")

    keys.tab_to("Szukaj w portalu")
    page.keyboard.type("staże")
    page.keyboard.press("Enter")
    page.wait_for_url("**/szukaj/?q=*")

    keys.tab_to(post.title)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{post.get_absolute_url()}")

    keys.tab_to("Podpis")
    page.keyboard.type("Mieszkanka Nasielska")
    keys.tab_to("Treść komentarza")
    page.keyboard.type("Czy staże są też dla osób po pięćdziesiątce?")
    keys.tab_to("Wyślij komentarz")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Twój pierwszy komentarz pojawi się po zatwierdzeniu")).to_be_visible()
    assert Comment.objects.get().body == "Czy staże są też dla osób po pięćdziesiątce?"
    assert not keys.unseen, "focus not visible, or covered, at: " + "; ".join(keys.unseen)

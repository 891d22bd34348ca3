"""An editor reuses an image from the library in another post: „Obraz z biblioteki” on the
editor's toolbar finds it by title (thumbnails help to recognise it), puts it where the cursor was
with the library's text alternative, and readers see it in smaller copies; the library then
lists the post among the image's uses."""

import re

import pytest
from playwright.sync_api import expect

from library.models import Image
from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser


@pytest.fixture
def editor(staff_in_role):
    return staff_in_role("Redaktor")


def test_an_image_from_the_library_goes_into_another_post(page, browser, live_server, editor, make_post, make_image):
    make_image("Plakat naboru.jpg", size=(1200, 900), alt="Plakat naboru wniosków")
    image = make_image("Sala obrad.jpg", size=(2000, 1500), alt="Sala obrad starostwa z ustawionymi stołami")
    post = make_post(title="Spotkanie partnerów w grudniu", body="<p>Spotkamy się w sali obrad.</p>")
    log_in_to_admin(page, editor, password="redaktor-haslo-123", next_url=f"/admin/news/post/{post.pk}/change/")

    body = page.locator(".ck-editor__editable")
    body.get_by_text("Spotkamy się w sali obrad.").click()
    page.keyboard.press("End")
    page.get_by_role("button", name="Obraz z biblioteki").click()
    dialog = page.get_by_role("dialog", name="Obraz z biblioteki")
    expect(dialog).to_be_visible()
    search = dialog.get_by_label("Szukaj w bibliotece (tytuł)")
    expect(search).to_be_focused()
    expect(dialog.get_by_role("button", name=re.compile("Plakat naboru"))).to_be_visible()
    assert not (violations := run_axe(page)), format_violations(violations)

    search.fill("sala")
    choice = dialog.get_by_role("button", name=re.compile(r"Sala obrad \(1600 × 1200 px\)"))
    expect(choice).to_be_visible()
    expect(dialog.get_by_role("status")).to_have_text("Znalezione obrazy: 1.")
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320  # the dialog reflows
    page.set_viewport_size({"width": 1280, "height": 800})
    choice.focus()
    page.keyboard.press("Enter")

    expect(dialog).to_be_hidden()
    expect(body.locator(f'img[src="{image.url}"]')).to_have_attribute("alt", image.alt)
    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    expect(page.locator(".messagelist")).to_contain_text("Zapisano wpis")

    reader = browser.new_context(base_url=live_server.url, locale="pl-PL", viewport={"width": 390, "height": 844})
    article = reader.new_page()
    article.goto(post.get_absolute_url())
    shown = article.get_by_role("img", name=image.alt)
    expect(shown).to_be_visible()
    assert "480w" in shown.get_attribute("srcset")
    reader.close()

    page.goto(f"/admin/library/image/{image.pk}/change/")
    expect(page.get_by_role("link", name=re.compile("Spotkanie partnerów w grudniu"))).to_be_visible()
    assert Image.objects.get(pk=image.pk).uses.count() == 1

"""An editor writes a post with an image, scheduled for tomorrow morning; readers see it at
that time and not before. The live server runs in this process, so time-machine moves its
clock: nobody waits for the time to come."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from conftest import image_bytes
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser

TITLE = "Nabór na staże w urzędzie pracy"


def test_editor_writes_a_post_with_an_image_and_it_appears_at_its_scheduled_time(
    page, browser, live_server, alice, category
):
    alice.first_name, alice.last_name = "Alicja", "Redakcyjna"
    alice.save()
    log_in_to_admin(page, alice, next_url="/admin/news/post/add/")

    page.get_by_label("Tytuł:", exact=True).fill(TITLE)
    page.locator(".field-category .select2-selection").click()  # the category's autocomplete box
    page.locator(".select2-search__field").fill("Wiad")
    page.get_by_role("option", name="Wiadomości").click()

    body = page.locator(".ck-editor__editable")
    body.click()
    page.keyboard.type("Urząd pracy zaprasza na staże. ")
    page.keyboard.type("Zgłoszenia przyjmujemy do końca miesiąca.")
    with page.expect_file_chooser() as chooser:
        page.locator(".ck-toolbar").get_by_role("button", name=re.compile("obraz", re.I)).first.click()
    chooser.value.set_files(files=[{"name": "plakat.png", "mimeType": "image/png", "buffer": image_bytes("PNG")}])
    image = body.locator("img")
    expect(image).to_have_attribute("src", re.compile(r"/media/editor/"))
    image.click()
    page.locator(".ck-balloon-panel").get_by_role("button", name=re.compile("tekst alternatywny", re.I)).click()
    page.locator(".ck-balloon-panel input[type=text]").fill("Plakat naboru na staże")
    page.keyboard.press("Enter")
    expect(image).to_have_attribute("alt", "Plakat naboru na staże")

    page.get_by_label("Status").select_option("published")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    when = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(8, 0)))
    page.locator("#id_published_at_0").fill(when.strftime("%Y-%m-%d"))
    page.locator("#id_published_at_1").fill(when.strftime("%H:%M:%S"))
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(TITLE)

    reader = browser.new_context(base_url=live_server.url).new_page()
    reader.goto("/aktualnosci/")
    expect(reader.get_by_role("link", name=TITLE)).to_have_count(0)

    with time_machine.travel(when - datetime.timedelta(minutes=1)):
        reader.reload()
        expect(reader.get_by_role("link", name=TITLE)).to_have_count(0)  # not a minute early

    with time_machine.travel(when + datetime.timedelta(seconds=1)):
        reader.reload()
        expect(reader.get_by_role("link", name=TITLE)).to_have_count(1)  # at its time, without a save
        reader.get_by_role("link", name=TITLE).click()
        expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
        expect(reader.locator(".rich-text")).to_contain_text("Zgłoszenia przyjmujemy do końca miesiąca.")
        picture = reader.locator(".rich-text img")
        expect(picture).to_have_attribute("src", re.compile(r"/media/editor/"))
        expect(picture).to_have_attribute("alt", "Plakat naboru na staże")
        assert picture.evaluate("img => img.complete && img.naturalWidth > 0"), "the uploaded image loads"
        expect(reader.locator(".metryczka")).to_contain_text("Alicja Redakcyjna")
    reader.context.close()

import datetime
import re
import time

import pytest
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

    page.get_by_label("Tytuł").fill(TITLE)
    page.locator(".field-category .select2-selection").click()  # the category's autocomplete box
    page.locator(".select2-search__field").fill("New")
    page.get_by_role("option", name="Newsy").click()

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
    page.locator(".ck-balloon-panel").get_by_role("button", name=re.compile("tekst zastępczy", re.I)).click()
    page.locator(".ck-balloon-panel input[type=text]").fill("Plakat naboru na staże")
    page.keyboard.press("Enter")
    expect(image).to_have_attribute("alt", "Plakat naboru na staże")

    page.get_by_label("Status").select_option("published")
    when = timezone.localtime() + datetime.timedelta(seconds=12)
    page.locator("#id_published_at_0").fill(when.strftime("%Y-%m-%d"))
    page.locator("#id_published_at_1").fill(when.strftime("%H:%M:%S"))
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text(TITLE)

    reader = browser.new_context(base_url=live_server.url).new_page()
    reader.goto("/aktualnosci/")
    expect(reader.get_by_role("link", name=TITLE)).to_have_count(0)

    deadline = time.monotonic() + 40
    while not reader.get_by_role("link", name=TITLE).count():
        assert time.monotonic() < deadline, "the scheduled post did not appear"
        reader.wait_for_timeout(1000)
        reader.reload()
    assert timezone.now() >= when - datetime.timedelta(seconds=1), "it appeared at its time, not earlier"

    reader.get_by_role("link", name=TITLE).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(reader.locator(".rich-text")).to_contain_text("Zgłoszenia przyjmujemy do końca miesiąca.")
    picture = reader.locator(".rich-text img")
    expect(picture).to_have_attribute("src", re.compile(r"/media/editor/"))
    expect(picture).to_have_attribute("alt", "Plakat naboru na staże")
    assert picture.evaluate("img => img.complete && img.naturalWidth > 0"), "the uploaded image loads"
    expect(reader.locator(".metryczka")).to_contain_text("Alicja Redakcyjna")
    reader.context.close()

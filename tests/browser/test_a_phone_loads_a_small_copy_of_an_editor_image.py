"""An editor puts a large photo into a post; a resident on a phone loads a copy 480 px wide, on a
desktop one 960 px wide, never the 1,600 px file (nor the 3,200 px original, which is not kept)."""

import re

import pytest
from playwright.sync_api import expect

from conftest import image_bytes
from news.models import Post
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


def loaded_file(page):
    image = page.locator(".rich-text img")
    expect(image).to_have_attribute("srcset", re.compile("480w"))
    image.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.rich-text img').complete")
    return page.evaluate(
        """() => performance.getEntriesByType("resource").map(entry => entry.name)
            .filter(name => name.includes("/media/editor/")).map(name => name.split("/").pop())"""
    )


def test_a_phone_and_a_desktop_each_load_a_copy_that_fits(page, browser, live_server, alice, make_post):
    post = make_post(title="Posiedzenie w sali obrad", body="<p>Relacja z posiedzenia.</p>")
    log_in_to_admin(page, alice, next_url=f"/admin/news/post/{post.pk}/change/")
    page.locator(".ck-editor__editable p").click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    with page.expect_file_chooser() as chooser:
        page.locator(".ck-toolbar").get_by_role("button", name=re.compile("obraz", re.I)).first.click()
    photo = image_bytes(size=(3200, 2000))
    chooser.value.set_files(files=[{"name": "Sala obrad.jpg", "mimeType": "image/jpeg", "buffer": photo}])
    image = page.locator(".ck-editor__editable img")
    expect(image).to_have_attribute("src", re.compile(r"/media/editor/sala-obrad-[0-9a-f]{6}-1600w\.jpg$"))
    image.click()
    page.locator(".ck-balloon-panel").get_by_role("button", name=re.compile("tekst alternatywny", re.I)).click()
    page.locator(".ck-balloon-panel input[type=text]").fill("Uczestnicy posiedzenia w sali obrad")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    expect(page.locator(".messagelist")).to_contain_text("Zapisano wpis")
    assert "-1600w.jpg" in Post.objects.get(pk=post.pk).body

    for width, expected in [(390, r"sala-obrad-[0-9a-f]{6}-480w\.jpg"), (1366, r"sala-obrad-[0-9a-f]{6}-960w\.jpg")]:
        context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": 900})
        resident = context.new_page()
        resident.goto(post.get_absolute_url())
        loaded = loaded_file(resident)  # the one file of the photo this browser downloaded
        assert len(loaded) == 1 and re.fullmatch(expected, loaded[0]), (width, loaded)
        context.close()

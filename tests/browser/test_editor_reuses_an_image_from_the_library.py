"""An editor uploads an image in a post's editor and saves; in „Biblioteka → Obrazy” the image says
where it is used, cannot be deleted, and takes a new file under the same address."""

import io
import re

import pytest
from PIL import Image as Pillow
from playwright.sync_api import expect

from conftest import image_bytes
from library.models import Image
from news.models import Post
from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser


def test_editor_uploads_an_image_sees_where_it_is_used_and_replaces_it(page, staff_in_role, make_post):
    post = make_post(title="Zebranie partnerów", body="<p>Relacja z zebrania.</p>")
    editor = staff_in_role("Redaktor")
    log_in_to_admin(page, editor, password="redaktor-haslo-123", next_url=f"/admin/news/post/{post.pk}/change/")

    page.locator(".ck-editor__editable").click()
    page.keyboard.press("Control+End")
    page.locator(".ck-toolbar input[type=file]").first.set_input_files(
        files=[{"name": "Sala obrad.jpg", "mimeType": "image/jpeg", "buffer": image_bytes(size=(1200, 900))}]
    )
    image_in_text = page.locator(".ck-editor__editable figure.image img")
    expect(image_in_text).to_have_attribute("src", re.compile(r"/media/editor/sala-obrad-"))
    image_in_text.click()
    page.get_by_role("button", name="Zmień tekst alternatywny").click()
    page.keyboard.type("Sala obrad z rzędami krzeseł")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    expect(page.locator(".messagelist")).to_contain_text("Zapisano wpis")

    image = Image.objects.get()
    assert image.url in Post.objects.get(pk=post.pk).body
    page.goto("/admin/")
    page.get_by_role("link", name="Obrazy").first.click()
    expect(page.get_by_role("heading", name="Obrazy", level=1)).to_be_visible()
    expect(page.locator("#result_list")).to_contain_text("1 miejsce")
    thumbnail = page.locator("#result_list img.library-thumbnail")
    expect(thumbnail).to_have_attribute("alt", "Sala obrad z rzędami krzeseł")  # from the post's text
    assert thumbnail.bounding_box()["width"] <= 130
    assert not run_axe(page), format_violations(run_axe(page))

    page.get_by_role("link", name="Sala obrad", exact=True).click()
    expect(page.get_by_role("link", name="Wpis „Zebranie partnerów”")).to_be_visible()
    assert not run_axe(page), format_violations(run_axe(page))

    page.locator("a.deletelink").click()
    expect(page.locator("#content")).to_contain_text("Nie można usunąć obrazu „Sala obrad”, bo pokazują go te treści.")
    expect(page.get_by_role("button", name="Tak, usuń")).to_have_count(0)
    page.go_back()

    before = page.request.get(image.url).body()
    page.get_by_label("Zastąp plik:").set_input_files(
        files=[{"name": "nowa sala.png", "mimeType": "image/png", "buffer": image_bytes("PNG", size=(1500, 1000))}]
    )
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Zapisano obraz „Sala obrad”")

    after = page.request.get(image.url).body()
    assert after != before
    assert Pillow.open(io.BytesIO(after)).size == (1200, 800)
    page.goto(post.get_absolute_url())
    expect(page.locator(f'.rich-text img[src="{image.url}"]')).to_have_attribute("alt", "Sala obrad z rzędami krzeseł")

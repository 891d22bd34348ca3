"""An editor inserts an image without alt text: the panel beside the editor says so while they
type, the save is refused with the same words and keeps the text; with alt text it goes through."""

import re

import pytest
from playwright.sync_api import expect

from conftest import image_bytes
from news.models import Post
from tests.browser.helpers import WCAG_TAGS, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

# Named by its place and the name the file had on the editor's computer.
REFUSAL = re.compile(r"Obraz 1 \(plik „plakat\.png”\): brak tekstu alternatywnego\.")


def insert_image(page):
    body = page.locator(".ck-editor__editable")
    with page.expect_file_chooser() as chooser:
        page.locator(".ck-toolbar").get_by_role("button", name=re.compile("obraz", re.I)).first.click()
    chooser.value.set_files(files=[{"name": "plakat.png", "mimeType": "image/png", "buffer": image_bytes("PNG")}])
    image = body.locator("img")
    expect(image).to_have_attribute("src", re.compile(r"/media/editor/"))
    return image


def test_an_image_without_alt_is_flagged_live_refused_on_save_and_accepted_with_alt(page, alice, category):
    console = []
    page.on("console", lambda m: console.append(m.text + " @ " + str(m.location)) if m.type == "error" else None)
    log_in_to_admin(page, alice, next_url="/admin/news/post/add/")
    page.get_by_label("Tytuł:", exact=True).fill("Plakat naboru")
    page.locator(".field-category .select2-selection").click()
    page.locator(".select2-search__field").fill("Wiad")
    page.get_by_role("option", name="Wiadomości").click()
    page.locator(".ck-editor__editable").click()
    page.keyboard.type("Urząd pracy zaprasza na staże.")
    page.keyboard.press("Enter")
    insert_image(page)

    panel = page.get_by_role("region", name="Dostępność i czytelność")
    expect(panel).to_contain_text(REFUSAL)  # refreshed while typing, before any save
    expect(panel).to_contain_text("Lista odświeża się podczas pisania.")
    run_axe(page)  # loads axe; the admin around the panel has Django's own findings, the panel must have none
    violations = page.evaluate(
        """async (tags) => (await axe.run(".content-checks", {runOnly: {type: "tag", values: tags}})).violations
            .map(v => v.id)""",
        WCAG_TAGS,
    )
    assert violations == []

    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".errorlist")).to_contain_text(REFUSAL)
    assert not Post.objects.exists()
    expect(page.get_by_label("Tytuł:", exact=True)).to_have_value("Plakat naboru")  # nothing typed is lost
    body = page.locator(".ck-editor__editable")
    expect(body).to_contain_text("Urząd pracy zaprasza na staże.")
    image = body.locator("img")
    expect(image).to_have_count(1)

    image.click()
    page.locator(".ck-balloon-panel").get_by_role("button", name=re.compile("tekst alternatywny", re.I)).click()
    page.locator(".ck-balloon-panel input[type=text]").fill("Plakat naboru na staże z datami zgłoszeń")
    page.keyboard.press("Enter")
    expect(page.get_by_role("region", name="Dostępność i czytelność")).not_to_contain_text(REFUSAL)
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Plakat naboru")
    assert 'alt="Plakat naboru na staże z datami zgłoszeń"' in Post.objects.get().body
    # CKEditor's own image view sets inline styles the policy blocks (style-src, known and harmless);
    # the panel's script and its requests are allowed by it.
    assert not [m for m in console if re.search("script-src|connect-src|admin-content-checks", m)], console


def test_an_image_marked_decorative_is_saved_without_alt(page, alice, category):
    log_in_to_admin(page, alice, next_url="/admin/news/post/add/")
    page.get_by_label("Tytuł:", exact=True).fill("Ozdobnik")
    page.locator(".field-category .select2-selection").click()
    page.locator(".select2-search__field").fill("Wiad")
    page.get_by_role("option", name="Wiadomości").click()
    page.locator(".ck-editor__editable").click()
    page.keyboard.type("Tekst z ozdobnikiem.")
    page.keyboard.press("Enter")
    image = insert_image(page)
    image.click()
    page.locator(".ck-balloon-panel").get_by_role("button", name=re.compile("Obraz ozdobny")).click()
    expect(page.get_by_role("region", name="Dostępność i czytelność")).not_to_contain_text(REFUSAL)
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Ozdobnik")
    assert "image-decorative" in Post.objects.get().body


def test_the_panel_follows_a_report_added_on_the_meeting_page(page, alice):
    import datetime

    from meetings.models import Meeting

    meeting = Meeting.objects.create(title="Posiedzenie", date=datetime.date(2026, 11, 5))
    log_in_to_admin(page, alice, next_url=f"/admin/meetings/meeting/{meeting.pk}/change/")
    page.locator("#report-group .add-row a").click()
    report = page.locator("#report-group")
    report.locator(".ck-editor__editable").click()
    page.keyboard.type("ZAPRASZAMY WSZYSTKICH MIESZKANCOW")
    expect(report.get_by_role("region", name="Dostępność i czytelność")).to_contain_text(
        "Akapit 1 („ZAPRASZAMY WSZYSTKICH MIESZKANCOW”): akapit napisano wielkimi literami"
    )

"""An editor links a library document from the text of a post: „Dokument z biblioteki” on the
editor's toolbar opens a dialog that works by keyboard, finds the document, and puts a link with
its type and size where the cursor was; readers see it. A new file goes into the library from the
same dialog, checked as the library's own form checks it."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from conftest import pdf_bytes
from library.models import Document
from news.models import Post
from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser

PASSWORD = "redaktor-haslo-123"
TAGGED = pdf_bytes(size=123_456, text="Regulamin naboru", tagged=True, lang="pl", title="Regulamin naboru")


@pytest.fixture
def editor(staff_in_role):
    return staff_in_role("Redaktor")


def watch_errors(page):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def open_dialog(page):
    page.get_by_role("button", name="Dokument z biblioteki").click()
    dialog = page.get_by_role("dialog", name="Dokument z biblioteki")
    expect(dialog).to_be_visible()
    return dialog


def test_editor_searches_picks_a_document_and_readers_see_the_link(page, browser, live_server, editor, make_post):
    Document.objects.create(title="Sprawozdanie 2025", file=SimpleUploadedFile("s.pdf", pdf_bytes(text="Spr")))
    Document.objects.create(title="Regulamin naboru 2026", file=SimpleUploadedFile("r.pdf", TAGGED))
    post = make_post(title="Nabór wniosków na szkolenia", body="<p>Zasady opisuje regulamin.</p>")
    errors = watch_errors(page)
    log_in_to_admin(page, editor, password=PASSWORD, next_url=f"/admin/news/post/{post.pk}/change/")

    # The cursor after „Zasady opisuje ”, the word „regulamin” selected.
    body = page.locator(".ck-editor__editable")
    body.get_by_text("Zasady opisuje regulamin.").click()
    page.keyboard.press("End")
    page.keyboard.press("ArrowLeft")
    for _ in range(len("regulamin")):
        page.keyboard.press("Shift+ArrowLeft")

    dialog = open_dialog(page)
    search = dialog.get_by_label("Szukaj w bibliotece (tytuł)")
    expect(search).to_be_focused()
    expect(dialog.get_by_role("button", name=re.compile("Sprawozdanie 2025"))).to_be_visible()
    assert not run_axe(page), format_violations(run_axe(page))

    search.fill("regul")
    choice = dialog.get_by_role("button", name=re.compile(r"Regulamin naboru 2026 \(PDF, 120,6\sKB\)"))
    expect(choice).to_be_visible()
    expect(dialog.get_by_role("button", name=re.compile("Sprawozdanie"))).to_have_count(0)
    expect(dialog.get_by_role("status")).to_have_text("Znalezione dokumenty: 1.")
    choice.focus()
    page.keyboard.press("Enter")

    expect(dialog).to_be_hidden()
    expect(body).to_be_focused()
    link = body.get_by_role("link", name=re.compile(r"^regulamin \(PDF, 120,6\sKB\)$"))
    expect(link).to_be_visible()
    page.keyboard.type(" i ogłoszenie")  # typing goes on after the link, outside it
    expect(link).to_have_text("regulamin (PDF, 120,6\xa0KB)")

    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    expect(page.locator(".messagelist")).to_contain_text("Zapisano wpis")
    saved = Post.objects.get(pk=post.pk).body
    assert re.search(
        r'<a href="/dokumenty/regulamin-naboru-2026.pdf"[^>]*>regulamin \(PDF, 120,6&nbsp;KB\)</a> i og', saved
    )

    resident = browser.new_context(base_url=live_server.url, locale="pl-PL").new_page()
    resident.goto(post.get_absolute_url())
    shown = resident.locator(".rich-text").get_by_role("link", name=re.compile(r"^regulamin \(PDF, 120,6\sKB\)$"))
    expect(shown).to_have_attribute("href", "/dokumenty/regulamin-naboru-2026.pdf")
    resident.context.close()
    assert errors == []


def test_the_keyboard_opens_the_dialog_and_esc_closes_it_on_a_phone(page, editor, make_post):
    post = make_post(body="<p>Tekst wpisu.</p>")
    log_in_to_admin(page, editor, password=PASSWORD, next_url=f"/admin/news/post/{post.pk}/change/")
    body = page.locator(".ck-editor__editable")
    body.get_by_text("Tekst wpisu.").click()

    # Alt+F10 moves to the editor's toolbar, the arrows along it (CKEditor's own keys).
    page.keyboard.press("Alt+F10")
    for _ in range(30):
        if "Dokument z biblioteki" in page.evaluate("() => document.activeElement.textContent"):
            break
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Dokument z biblioteki")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label("Szukaj w bibliotece (tytuł)")).to_be_focused()
    expect(dialog.get_by_role("status")).to_have_text("W bibliotece nie ma jeszcze żadnego dokumentu.")
    # On a phone the toolbar folds the button into „Pokaż więcej”; the open dialog fits the screen.
    page.set_viewport_size({"width": 320, "height": 640})
    box = dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(body).to_be_focused()
    expect(body.get_by_role("link")).to_have_count(0)


def test_editor_adds_a_new_document_from_the_dialog_and_links_it(page, editor, make_post):
    post = make_post(title="Nabór wniosków", body="<p>Wstęp.</p>")
    errors = watch_errors(page)
    log_in_to_admin(page, editor, password=PASSWORD, next_url=f"/admin/news/post/{post.pk}/change/")
    body = page.locator(".ck-editor__editable")
    body.get_by_text("Wstęp.").click()
    page.keyboard.press("End")
    page.keyboard.type(" Szczegóły: ")

    dialog = open_dialog(page)
    upload = dialog.get_by_role("form", name="Dodaj nowy dokument do biblioteki")
    # A program first: refused in Polish with the library's words, nothing stored.
    upload.get_by_label("Tytuł").fill("Instalator")
    upload.get_by_label("Plik").set_input_files(
        files=[{"name": "instalator.exe", "mimeType": "application/octet-stream", "buffer": b"MZ" + b"\0" * 300}]
    )
    upload.get_by_role("button", name="Dodaj do biblioteki").click()
    expect(upload.get_by_role("alert")).to_contain_text("Nie dodano dokumentu:")
    expect(upload.get_by_role("alert")).to_contain_text("Plik:")
    assert not Document.objects.exists()
    expect(upload.get_by_label("Tytuł")).to_have_value("Instalator")  # kept as typed

    upload.get_by_label("Tytuł").fill("Regulamin naboru 2026")
    upload.get_by_label("Plik").set_input_files(
        files=[{"name": "Regulamin FINAL.pdf", "mimeType": "application/pdf", "buffer": TAGGED}]
    )
    upload.get_by_role("button", name="Dodaj do biblioteki").click()
    choice = dialog.get_by_role("button", name=re.compile(r"Regulamin naboru 2026 \(PDF, 120,6\sKB\)"))
    expect(choice).to_be_focused()
    expect(dialog.get_by_role("status")).to_contain_text("Dodano dokument „Regulamin naboru 2026” do biblioteki.")
    assert not run_axe(page), format_violations(run_axe(page))
    page.keyboard.press("Enter")

    expect(dialog).to_be_hidden()
    expect(body.get_by_role("link", name=re.compile(r"^Regulamin naboru 2026 \(PDF, 120,6\sKB\)$"))).to_be_visible()
    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    expect(page.locator(".messagelist")).to_contain_text("Zapisano wpis")
    saved = Post.objects.get(pk=post.pk).body
    assert re.search(
        r'Szczegóły: <a href="/dokumenty/regulamin-naboru-2026.pdf"[^>]*>Regulamin naboru 2026 \(PDF', saved
    )
    assert Document.objects.get().title == "Regulamin naboru 2026"
    # The browser reports the refused program's 400 itself; nothing else went wrong.
    assert [error for error in errors if "status of 400" not in error] == []


def test_a_selection_across_paragraphs_is_kept_and_the_title_is_linked_after_it(page, editor, make_post):
    Document.objects.create(title="Regulamin naboru 2026", file=SimpleUploadedFile("r.pdf", TAGGED))
    post = make_post(body="<p>Pierwszy akapit.</p><p>Drugi akapit.</p>")
    log_in_to_admin(page, editor, password=PASSWORD, next_url=f"/admin/news/post/{post.pk}/change/")
    body = page.locator(".ck-editor__editable")
    body.get_by_text("Pierwszy akapit.").click()
    page.keyboard.press("Control+A")

    dialog = open_dialog(page)
    dialog.get_by_role("button", name=re.compile("Regulamin naboru 2026")).click()

    expect(body.get_by_text("Pierwszy akapit.")).to_be_visible()
    expect(body.get_by_text("Drugi akapit.")).to_be_visible()
    expect(body.get_by_role("link", name=re.compile(r"^Regulamin naboru 2026 \(PDF"))).to_be_visible()

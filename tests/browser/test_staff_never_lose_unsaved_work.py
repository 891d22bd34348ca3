"""An editor never loses work: a draft survives a closed tab, leaving with changes asks first,
and a chosen image survives a refused save (drafts/, static/js/admin-drafts.js)."""

import re

import pytest
from playwright.sync_api import expect

from conftest import image_bytes
from drafts.models import Draft
from news.models import Post
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


def draft_holds(page, user, text):
    """Wait for the autosave (at most every 10 seconds) to store ``text`` in the user's draft."""
    for _ in range(40):
        if text in str(list(Draft.objects.filter(user=user).values_list("fields", flat=True))):
            return True
        page.wait_for_timeout(500)
    return False


def console_errors(page):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


def test_a_draft_typed_before_the_tab_closed_is_restored(page, alice, make_post):
    post = make_post(title="Nabór na staże", lead="Stara zajawka.")
    url = f"/admin/news/post/{post.pk}/change/"
    errors = console_errors(page)
    log_in_to_admin(page, alice, next_url=url)
    page.locator(".ck-editor__editable").click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("Akapit dopisany przed awarią przeglądarki.")
    page.locator("#id_lead").fill("Zajawka pisana przed awarią.")
    expect(page.locator(".draft-status")).to_have_text(re.compile(r"Niezapisane zmiany przechowano o \d\d:\d\d\."))
    expect(page.locator(".draft-status")).to_have_attribute("role", "status")
    assert draft_holds(page, alice, "Zajawka pisana przed awarią.")
    assert draft_holds(page, alice, "Akapit dopisany przed awarią przeglądarki.")

    # The tab dies without a save, no questions asked; the session lives on.
    reopened = page.context.new_page()
    page.close(run_before_unload=False)
    reopened.goto(url)
    notice = reopened.get_by_role("region", name="Niezapisana wersja formularza")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(re.compile(r"przechowane automatycznie \d+ grudnia 2026 o \d\d:\d\d"))
    expect(reopened.locator("#id_lead")).to_have_value("Stara zajawka.")
    notice.get_by_role("button", name="Przywróć niezapisaną wersję").click()
    expect(notice).to_contain_text("Przywrócono niezapisaną wersję. Sprawdź ją i zapisz formularz.")
    expect(notice).to_be_focused()
    expect(reopened.locator("#id_lead")).to_have_value("Zajawka pisana przed awarią.")
    expect(reopened.locator(".ck-editor__editable")).to_contain_text("Akapit dopisany przed awarią przeglądarki.")

    reopened.get_by_role("button", name="Zapisz", exact=True).click()
    expect(reopened.locator(".messagelist")).to_contain_text("Nabór na staże")
    post.refresh_from_db()
    assert post.lead == "Zajawka pisana przed awarią."
    assert "Akapit dopisany przed awarią przeglądarki." in post.body
    assert not Draft.objects.exists()
    assert not [e for e in errors if re.search("Content Security Policy|admin-drafts", e)], errors


def test_a_discarded_draft_is_gone(page, alice, make_post):
    post = make_post(lead="Zajawka zapisana.")
    url = f"/admin/news/post/{post.pk}/change/"
    log_in_to_admin(page, alice, next_url=url)
    page.locator("#id_lead").fill("Zajawka do odrzucenia.")
    assert draft_holds(page, alice, "Zajawka do odrzucenia.")
    page.goto(url)  # the warning is answered „Opuść” by Playwright's default
    notice = page.get_by_role("region", name="Niezapisana wersja formularza")
    notice.get_by_role("button", name="Odrzuć ją").click()
    expect(notice).to_contain_text("Odrzucono niezapisaną wersję.")
    expect(page.locator("#id_lead")).to_have_value("Zajawka zapisana.")
    expect(page.locator(".draft-status")).to_have_text("Odrzucono niezapisaną wersję.")  # the server's answer
    page.reload()
    expect(page.get_by_role("region", name="Niezapisana wersja formularza")).to_have_count(0)
    assert not Draft.objects.exists()


def test_leaving_a_changed_form_asks_first_but_saving_does_not(page, alice, make_post):
    post = make_post(title="Dzień otwarty")
    url = f"/admin/news/post/{post.pk}/change/"
    log_in_to_admin(page, alice, next_url=url)
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.on("dialog", answer)
    page.locator(".breadcrumbs").get_by_role("link", name="Wpisy").click()
    page.wait_for_url("**/admin/news/post/")
    assert dialogs == []  # nothing changed: no question

    page.goto(url)
    page.locator("#id_title").fill("Dzień otwarty w urzędzie pracy")
    page.locator(".breadcrumbs").get_by_role("link", name="Wpisy").click()
    expect(page.locator("#id_title")).to_have_value("Dzień otwarty w urzędzie pracy")
    assert dialogs == ["beforeunload"]
    assert page.url.endswith(url)

    page.locator("input[name=_continue]").click()  # saved, and the form again
    expect(page.locator(".messagelist")).to_contain_text("Dzień otwarty w urzędzie pracy")
    page.locator(".breadcrumbs").get_by_role("link", name="Wpisy").click()
    page.wait_for_url("**/admin/news/post/")
    assert dialogs == ["beforeunload"]  # neither the save nor leaving after it asked


def test_a_chosen_image_is_still_there_after_fixing_the_error(page, alice, category):
    log_in_to_admin(page, alice, next_url="/admin/news/post/add/")
    page.get_by_label("Tytuł:", exact=True).fill("Targi pracy")
    page.locator(".field-category .select2-selection").click()
    page.locator(".select2-search__field").fill("Wiad")
    page.get_by_role("option", name="Wiadomości").click()
    page.locator("#id_image").set_input_files(
        files=[{"name": "targi.jpg", "mimeType": "image/jpeg", "buffer": image_bytes(size=(800, 500))}]
    )
    page.get_by_role("button", name="Zapisz", exact=True).click()  # no alt text for the image
    expect(page.locator(".errorlist")).to_contain_text("Podaj tekst alternatywny ilustracji.")
    kept = page.locator("#id_image_kept")
    expect(kept).to_contain_text("Wybrany wcześniej plik „targi.jpg”")
    expect(kept).to_contain_text("nie trzeba wybierać go ponownie")
    expect(page.locator("#id_image")).to_have_attribute("aria-describedby", "id_image_kept")

    page.get_by_label("Tekst alternatywny ilustracji").fill("Stoiska pracodawców w hali sportowej")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Targi pracy")
    post = Post.objects.get()
    assert post.image and post.image.size > 0 and post.image_alt == "Stoiska pracodawców w hali sportowej"


def test_a_restored_draft_never_overwrites_a_later_save_silently(page, alice, make_post):
    post = make_post(title="Szkolenie dla bezrobotnych", lead="Zajawka pierwsza.")
    url = f"/admin/news/post/{post.pk}/change/"
    log_in_to_admin(page, alice, next_url=url)
    page.locator("#id_title").fill("Szkolenie dla osób bezrobotnych")
    assert draft_holds(page, alice, "Szkolenie dla osób bezrobotnych")
    reopened = page.context.new_page()
    page.close(run_before_unload=False)

    # Meanwhile someone else saves the post.
    post.lead = "Zajawka Karoliny."
    post.save()

    reopened.goto(url)
    reopened.get_by_role("button", name="Przywróć niezapisaną wersję").click()
    reopened.get_by_role("button", name="Zapisz", exact=True).click()
    expect(reopened.locator(".errorlist.nonfield")).to_contain_text("Nie zapisano zmian")
    expect(reopened.locator("#id_title")).to_have_value("Szkolenie dla osób bezrobotnych")
    assert Post.objects.get(pk=post.pk).lead == "Zajawka Karoliny."


def test_a_restored_draft_brings_back_rows_added_to_a_meeting(page, alice):
    import datetime

    from meetings.models import Meeting

    meeting = Meeting.objects.create(title="Posiedzenie partnerów", date=datetime.date(2026, 12, 10))
    url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    log_in_to_admin(page, alice, next_url=url)
    page.locator("#id_agenda_items-0-title").fill("Otwarcie posiedzenia")
    page.locator("#agenda_items-group .add-row a").click()
    page.locator("#id_agenda_items-1-title").fill("Sprawozdanie z działalności")
    assert draft_holds(page, alice, "Sprawozdanie z działalności")
    reopened = page.context.new_page()
    page.close(run_before_unload=False)

    reopened.goto(url)
    expect(reopened.locator("#id_agenda_items-1-title")).to_have_count(0)  # one empty row, as Django shows it
    reopened.get_by_role("button", name="Przywróć niezapisaną wersję").click()
    expect(reopened.locator("#id_agenda_items-0-title")).to_have_value("Otwarcie posiedzenia")
    expect(reopened.locator("#id_agenda_items-1-title")).to_have_value("Sprawozdanie z działalności")
    reopened.get_by_role("button", name="Zapisz", exact=True).click()
    expect(reopened.locator(".messagelist")).to_contain_text("Posiedzenie partnerów")
    assert sorted(meeting.agenda_items.values_list("title", flat=True)) == [
        "Otwarcie posiedzenia",
        "Sprawozdanie z działalności",
    ]

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import image_bytes
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


@pytest.fixture
def held_meeting(db):
    from meetings.models import Meeting

    return Meeting.objects.create(
        title="Spotkanie partnerów o stażach",
        date=timezone.localdate() - datetime.timedelta(days=3),
        status=Meeting.Status.HELD,
    )


def test_staff_add_a_report_with_photos_publish_it_and_residents_see_it(
    page, browser, live_server, alice, held_meeting, run_worker
):
    alice.first_name, alice.last_name = "Alicja", "Redakcyjna"
    alice.save()
    reader = browser.new_context(base_url=live_server.url).new_page()
    reader.goto(held_meeting.get_absolute_url())
    expect(reader.get_by_text("Relacja ze spotkania zostanie opublikowana wkrótce.")).to_be_visible()

    log_in_to_admin(page, alice, next_url=f"/admin/meetings/meeting/{held_meeting.pk}/change/")
    page.locator("#report-group .add-row a").click()
    body = page.locator("#report-0 .ck-editor__editable")
    body.click()
    page.keyboard.type("Partnerzy omówili plan staży na kolejny rok.")
    page.locator("#report-0").get_by_label("Status").select_option(label="Opublikowana")

    page.get_by_label("Dodaj zdjęcia").set_input_files(
        files=[
            {"name": "sala.jpg", "mimeType": "image/jpeg", "buffer": image_bytes(size=(900, 600))},
            {"name": "dyskusja.png", "mimeType": "image/png", "buffer": image_bytes("PNG", size=(600, 900))},
        ]
    )
    page.get_by_label("Tekst alternatywny dodawanych zdjęć").fill("Partnerzy przy stole w sali konferencyjnej")
    page.get_by_role("button", name="Zapisz i kontynuuj edycję").click()

    expect(page.locator(".messagelist")).to_contain_text("Dodano 2 zdjęcia. Trwa przygotowywanie miniatur")
    expect(page.locator("#photos-group").get_by_text("w przygotowaniu")).to_have_count(2)
    reader.reload()
    expect(reader.get_by_role("region", name="Zdjęcia")).to_have_count(0)  # not until their copies exist

    run_worker()  # the background worker makes the large sizes and thumbnails
    page.reload()
    expect(page.locator("#photos-group img.meeting-admin-thumb")).to_have_count(2)  # previews of the thumbnails
    reader.reload()
    report = reader.get_by_role("region", name="Relacja ze spotkania")
    expect(report).to_contain_text("Partnerzy omówili plan staży na kolejny rok.")
    expect(reader.get_by_text("Relacja ze spotkania zostanie opublikowana wkrótce.")).to_have_count(0)
    photos = reader.get_by_role("region", name="Zdjęcia").get_by_role("img")
    expect(photos).to_have_count(2)
    expect(photos.first).to_have_attribute("alt", "Partnerzy przy stole w sali konferencyjnej")
    assert photos.evaluate_all("imgs => imgs.every(img => img.complete && img.naturalWidth > 0)"), "photos load"
    expect(reader.locator(".metryczka")).to_contain_text(re.compile("Opublikował\\s*Alicja Redakcyjna"))
    reader.context.close()

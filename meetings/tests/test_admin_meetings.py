import datetime

from meetings.models import Meeting, Report
from meetings.tests.admin_forms import meeting_form


def test_staff_add_a_meeting_with_its_agenda(client, alice, venue):
    client.force_login(alice)
    page = client.get("/admin/meetings/meeting/add/")
    assert "Dodaj spotkanie" in page.text
    assert 'name="new_photos"' in page.text and "multiple" in page.text
    response = client.post(
        "/admin/meetings/meeting/add/",
        meeting_form(
            venue=venue.pk,
            start_time="11:00",
            end_time="14:00",
            description="<p>Zapraszamy.</p><script>alert(1)</script>",
            inlines={
                "agenda_items": [
                    {"position": "2", "time": "", "title": "Dyskusja", "notes": ""},
                    {"position": "1", "time": "11:00", "title": "Powitanie", "notes": "Starosta"},
                ]
            },
        ),
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.slug == "spotkanie-partnerow-w-leoncinie-2026-11-20"
    assert meeting.start_time == datetime.time(11) and meeting.venue == venue
    assert "<script" not in meeting.description
    assert list(meeting.agenda_items.values_list("title", flat=True)) == ["Powitanie", "Dyskusja"]


def test_end_before_start_is_refused_in_polish(client, alice):
    client.force_login(alice)
    response = client.post("/admin/meetings/meeting/add/", meeting_form(start_time="14:00", end_time="11:00"))
    assert response.status_code == 200
    assert "Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia." in response.text
    assert 'value="Spotkanie partnerów w Leoncinie"' in response.text
    assert not Meeting.objects.exists()


def test_new_date_only_for_a_postponed_meeting(client, alice):
    client.force_login(alice)
    response = client.post("/admin/meetings/meeting/add/", meeting_form(new_date="2026-12-01"))
    assert "Nowy termin podaj tylko dla spotkania przełożonego." in response.text
    response = client.post(
        "/admin/meetings/meeting/add/",
        meeting_form(status="postponed", new_date="2026-12-01", status_reason="Remont sali."),
    )
    assert response.status_code == 302
    assert Meeting.objects.get().new_date == datetime.date(2026, 12, 1)


def test_report_written_on_the_meeting_page_gets_its_author(client, alice, make_meeting):
    meeting = make_meeting(status=Meeting.Status.HELD)
    client.force_login(alice)
    response = client.post(
        f"/admin/meetings/meeting/{meeting.pk}/change/",
        meeting_form(
            title=meeting.title,
            slug=meeting.slug,
            date=meeting.date.isoformat(),
            status="held",
            inlines={
                "report": [
                    {
                        "body": "<p>Relacja.</p>",
                        "status": "draft",
                        "published_at_0": "2026-01-10",
                        "published_at_1": "10:00:00",
                        "author": "",
                    }
                ]
            },
        ),
    )
    assert response.status_code == 302
    assert Report.objects.get(meeting=meeting).author == alice


def test_admin_list_filters_by_status_and_year(client, alice, make_meeting):
    make_meeting(title="Odwołane w 2018", date=datetime.date(2018, 5, 1), status=Meeting.Status.CANCELLED)
    make_meeting(title="Odbyte w 2018", date=datetime.date(2018, 6, 6), status=Meeting.Status.HELD)
    make_meeting(title="Odbyte w 2019", date=datetime.date(2019, 6, 6), status=Meeting.Status.HELD)
    client.force_login(alice)
    html = client.get("/admin/meetings/meeting/?status__exact=cancelled").text
    assert "Odwołane w 2018" in html and "Odbyte w 2018" not in html
    html = client.get("/admin/meetings/meeting/?rok=2019").text
    assert "Odbyte w 2019" in html and "Odbyte w 2018" not in html
    html = client.get("/admin/meetings/meeting/").text
    filters = html[html.index('id="changelist-filter"') :]
    assert "?rok=2018" in filters and "?rok=2019" in filters
    assert "?status__exact=held" in filters


def test_readers_cannot_open_the_meeting_admin(client, bob):
    client.force_login(bob)
    assert client.get("/admin/meetings/meeting/").status_code == 302


def test_staff_see_photos_documents_and_report_on_the_meeting_page(
    client, alice, make_meeting, add_photo, add_document
):
    meeting = make_meeting(status=Meeting.Status.HELD)
    photo = add_photo(meeting)
    add_document(meeting)
    Report.objects.create(meeting=meeting, body="<p>Relacja.</p>")
    client.force_login(alice)
    html = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").text
    assert f'src="{photo.thumbnail.url}"' in html
    assert "PDF, " in html
    assert "Relacja." in html
    assert "Tekst alternatywny dodawanych zdjęć" in html


def test_a_slug_that_clashes_with_the_calendar_address_is_changed(make_meeting):
    meeting = make_meeting(title="Kalendarz", slug="kalendarz", date=datetime.date(2026, 5, 4))
    assert meeting.slug == "kalendarz-2026-05-04"

import pytest

from changelog.models import ChangeRecord
from meetings.models import Meeting, Report
from meetings.tests.admin_forms import meeting_form


@pytest.fixture
def editors(alice, django_user_model):
    alice.first_name, alice.last_name = "Alicja", "Redakcyjna"
    alice.save()
    celina = django_user_model.objects.create_user(
        username="celina@pup.example",
        password="celina-haslo-123",
        is_staff=True,
        is_superuser=True,
        first_name="Celina",
        last_name="Korekta",
    )
    return alice, celina


def report_row(**fields):
    row = {
        "body": "<p>Partnerzy omówili plan staży.</p>",
        "status": "published",
        "published_at_0": "2026-01-10",
        "published_at_1": "10:00:00",
        "author": "",
    }
    row.update(fields)
    return row


def test_a_report_written_in_the_meeting_form_and_corrected_on_its_own_page_shows_both_editors(
    client, editors, make_meeting
):
    alice, celina = editors
    meeting = make_meeting(title="Spotkanie partnerów", status=Meeting.Status.HELD)
    client.force_login(alice)
    response = client.post(
        f"/admin/meetings/meeting/{meeting.pk}/change/",
        meeting_form(
            title=meeting.title,
            date=f"{meeting.date:%Y-%m-%d}",
            status="held",
            inlines={"report": [report_row(meeting=meeting.pk)]},
        ),
    )
    assert response.status_code == 302
    report = Report.objects.get()

    client.force_login(celina)
    response = client.post(
        f"/admin/meetings/report/{report.pk}/change/",
        {
            "meeting": meeting.pk,
            "body": "<p>Partnerzy omówili plan staży i szkoleń.</p>",
            "status": "published",
            "published_at_0": "2026-01-10",
            "published_at_1": "10:00:00",
            "author": alice.pk,
        },
    )
    assert response.status_code == 302

    client.logout()
    html = client.get(meeting.get_absolute_url()).text
    assert '<h2 id="metryczka-naglowek">Metryczka relacji</h2>' in html
    assert "<dt>Informację wytworzył</dt><dd>Alicja Redakcyjna," in html
    assert '<dt>Opublikował</dt><dd>Alicja Redakcyjna, <time datetime="2026-01-10T10:00:00+01:00">' in html
    assert "<dt>Ostatnia zmiana</dt><dd>Celina Korekta," in html
    assert "Rejestr zmian (2 zmiany)" in html
    assert "<td>Zmiana: Treść relacji" in html


def test_a_draft_report_shows_no_metryczka(client, editors, make_meeting):
    alice, _ = editors
    meeting = make_meeting(status=Meeting.Status.HELD)
    client.force_login(alice)
    client.post(
        "/admin/meetings/report/add/",
        {
            "meeting": meeting.pk,
            "body": "<p>Szkic.</p>",
            "status": "draft",
            "published_at_0": "2026-01-10",
            "published_at_1": "10:00:00",
            "author": "",
        },
    )
    assert ChangeRecord.objects.get().is_public is False
    client.logout()
    assert "Metryczka" not in client.get(meeting.get_absolute_url()).text


def test_deleting_the_report_in_the_meeting_form_removes_its_register(client, editors, make_meeting):
    alice, _ = editors
    meeting = make_meeting(title="Spotkanie partnerów", status=Meeting.Status.HELD)
    client.force_login(alice)
    url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    fields = {"title": meeting.title, "date": f"{meeting.date:%Y-%m-%d}", "status": "held"}
    client.post(url, meeting_form(inlines={"report": [report_row(meeting=meeting.pk)]}, **fields))
    report = Report.objects.get()
    assert ChangeRecord.objects.count() == 1

    row = report_row(id=report.pk, meeting=meeting.pk, DELETE="on")
    response = client.post(url, meeting_form(inlines={"report": [row]}, **fields))
    assert response.status_code == 302
    assert not Report.objects.exists()
    assert not ChangeRecord.objects.exists()

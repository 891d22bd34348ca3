"""A report written without the right to publish meetings is sent for approval; who may publish
meetings approves it or returns it with a note (meetings/review.py)."""

import pytest
from django.core import mail
from django.urls import reverse

from adminsite.tests.forms import change_form_data
from changelog.versions import versions_of
from meetings.models import Meeting, Report


@pytest.fixture
def reporter(staff_in_role, settings):
    from django.contrib.auth.models import Group, Permission

    settings.STAFF_NOTIFY_EMAILS = []
    settings.OFFICE_EMAIL = "biuro@pup.example"
    group = Group.objects.create(name="Relacje")
    codenames = ["add_report", "change_report", "view_report", "view_meeting"]
    group.permissions.set(Permission.objects.filter(content_type__app_label="meetings", codename__in=codenames))
    return staff_in_role("Relacje", email="relacje@pup.example")


@pytest.fixture
def held(make_meeting):
    return make_meeting(title="Posiedzenie rady", status=Meeting.Status.HELD)


def test_the_report_is_sent_approved_and_published(client, reporter, editor, held, in_background):
    client.force_login(reporter)
    page = client.get("/admin/meetings/report/add/")
    assert 'name="_submit_for_review" value="Wyślij do akceptacji"' in page.text and 'name="_approve"' not in page.text
    data = change_form_data(page) | {
        "meeting": str(held.pk),
        "body": "<p>Omówiono staże.</p>",
        "_submit_for_review": "1",
    }
    with in_background():
        assert client.post("/admin/meetings/report/add/", data).status_code == 302
    report = Report.objects.get()
    assert (report.status, report.submitted_by) == (Report.Status.SUBMITTED, reporter)
    assert not Report.objects.published().exists()
    [notice] = mail.outbox
    assert notice.subject == "Relacja czeka na akceptację: Posiedzenie rady"
    assert notice.to == ["redakcja@pup.example"]
    assert versions_of(report).first().revision.comment == "Wysłanie do akceptacji"

    client.force_login(editor)
    page = client.get(f"/admin/meetings/report/{report.pk}/change/")
    assert "Ta relacja czeka na akceptację przed publikacją." in page.text
    with in_background():
        data = change_form_data(page) | {"_approve": "1"}
        assert client.post(f"/admin/meetings/report/{report.pk}/change/", data).status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.PUBLISHED and Report.objects.published().exists()
    assert versions_of(report).first().revision.comment == "Zatwierdzenie i publikacja"
    approved = mail.outbox[-1]
    assert approved.subject == "Relacja zatwierdzona: Posiedzenie rady"
    assert approved.to == ["relacje@pup.example"] and approved.reply_to == ["biuro@pup.example"]


def test_the_report_is_returned_with_a_note(client, reporter, editor, held, in_background):
    report = Report.objects.create(meeting=held, body="<p>R.</p>", status="submitted", submitted_by=reporter)
    url = reverse("admin:meetings_report_send_back", args=[report.pk])
    client.force_login(reporter)
    assert client.get(url).status_code == 403
    client.force_login(editor)
    refused = client.post(url, {"note": ""})
    assert refused.status_code == 400
    assert "Napisz, co trzeba poprawić: bez uwag nie wiadomo, co zmienić w relacji." in refused.text
    with in_background():
        assert client.post(url, {"note": "Dodaj zdjęcia."}).status_code == 302
    report.refresh_from_db()
    assert (report.status, report.review_note) == (Report.Status.RETURNED, "Dodaj zdjęcia.")
    assert mail.outbox[-1].subject == "Relacja do poprawy: Posiedzenie rady"

    client.force_login(reporter)
    page = client.get(f"/admin/meetings/report/{report.pk}/change/")
    assert "Relację zwrócono do poprawy. Uwagi:" in page.text and "Dodaj zdjęcia." in page.text
    response = client.post(f"/admin/meetings/report/{report.pk}/change/", change_form_data(page) | {"_approve": "1"})
    assert response.status_code == 403
    with in_background():
        data = change_form_data(page) | {"_submit_for_review": "1"}
        assert client.post(f"/admin/meetings/report/{report.pk}/change/", data).status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED


def test_the_status_field_offers_no_review_state(client, editor, held):
    client.force_login(editor)
    page = client.get("/admin/meetings/report/add/").text
    assert 'value="draft"' in page and 'value="published"' in page
    assert 'value="submitted"' not in page and 'value="returned"' not in page

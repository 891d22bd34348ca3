"""Without the right to publish meetings (meetings/review.py), no path of the admin publishes a report.

No role has reports without that right today; a group made by hand could, so the admin closes
every path all the same: the status field, the meeting's inline and a published report's form.
"""

import pytest
from django.contrib.auth.models import Group, Permission

from adminsite.tests.forms import change_form_data
from meetings.models import Meeting, Report


@pytest.fixture
def reporter(staff_in_role):
    group = Group.objects.create(name="Relacje")
    codenames = ["add_report", "change_report", "view_report", "change_meeting", "view_meeting"]
    group.permissions.set(Permission.objects.filter(content_type__app_label="meetings", codename__in=codenames))
    return staff_in_role("Relacje", email="relacje@pup.example")


def test_the_status_is_read_only_and_a_forged_one_changes_nothing(client, reporter, make_meeting):
    meeting = make_meeting(status=Meeting.Status.HELD, review_state=Meeting.ReviewState.DRAFT)
    client.force_login(reporter)
    page = client.get("/admin/meetings/report/add/")
    assert page.status_code == 200 and 'name="status"' not in page.text
    data = change_form_data(page) | {"meeting": str(meeting.pk), "body": "<p>Relacja.</p>", "status": "published"}
    assert client.post("/admin/meetings/report/add/", data).status_code == 302
    assert Report.objects.get().status == Report.Status.DRAFT

    page = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/")
    assert 'name="report-0-status"' not in page.text
    data = change_form_data(page) | {"report-0-status": "published"}
    client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data)
    assert Report.objects.get().status == Report.Status.DRAFT


def test_a_published_report_is_only_viewed(client, reporter, make_meeting):
    report = Report.objects.create(meeting=make_meeting(), body="<p>Relacja.</p>", status=Report.Status.PUBLISHED)
    client.force_login(reporter)
    page = client.get(f"/admin/meetings/report/{report.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.text
    assert client.post(f"/admin/meetings/report/{report.pk}/change/", {"body": "<p>Inna.</p>"}).status_code == 403
    report.refresh_from_db()
    assert report.body == "<p>Relacja.</p>"

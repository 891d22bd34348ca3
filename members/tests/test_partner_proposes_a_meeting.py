"""A partner institution's account proposes a meeting; who may publish meetings approves it or returns it.

Approval before publishing (meetings/review.py) with the limits of a partner's account
(members/partner_access.py), tested with two institutions: Nasielsk and Czosnów.
"""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from adminsite.tests.forms import change_form_data
from adminsite.tests.test_staff_see_what_needs_doing import links
from changelog.versions import versions_of
from drafts.models import PreviewLink
from drafts.previews import make_link
from meetings.models import Meeting

SOON = timezone.localdate() + datetime.timedelta(days=10)


@pytest.fixture
def office(settings):
    settings.STAFF_NOTIFY_EMAILS = []
    settings.OFFICE_EMAIL = "biuro@pup.example"


def meeting_of(institution, title, state=Meeting.ReviewState.DRAFT, **fields):
    fields.setdefault("date", SOON)
    return Meeting.objects.create(title=title, institution=institution, review_state=state, **fields)


def propose(client, czosnow, **extra):
    page = client.get("/admin/meetings/meeting/add/")
    assert page.status_code == 200
    data = change_form_data(page) | {
        "title": "Spotkanie sołtysów gminy Nasielsk",
        "date": SOON.isoformat(),
        "status": "planned",
        "institution": str(czosnow.pk),  # a forged field changes nothing
        "review_state": "approved",  # nor does a forged approval
        **extra,
    }
    return client.post("/admin/meetings/meeting/add/", data)


def test_the_partner_proposes_a_meeting_and_who_may_publish_is_told(
    client, from_nasielsk, nasielsk, czosnow, editor, office, in_background
):
    client.force_login(from_nasielsk)
    page = client.get("/admin/meetings/meeting/add/").text
    assert 'name="_submit_for_review" value="Wyślij do akceptacji"' in page and 'name="_approve"' not in page
    assert 'name="institution"' not in page and 'name="review_state"' not in page
    assert 'name="related_posts"' not in page  # no list of every institution's posts, drafts among them
    with in_background():
        response = propose(client, czosnow, _submit_for_review="1")
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    meeting = Meeting.objects.get()
    assert (meeting.institution, meeting.review_state, meeting.submitted_by) == (
        nasielsk,
        Meeting.ReviewState.SUBMITTED,
        from_nasielsk,
    )
    assert client.get(meeting.get_absolute_url()).status_code == 200  # staff see it, marked so
    client.logout()
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert "Spotkanie sołtysów" not in client.get("/spotkania/").text

    [notice] = mail.outbox
    assert notice.subject == "Spotkanie czeka na akceptację: Spotkanie sołtysów gminy Nasielsk"
    assert notice.to == ["redakcja@pup.example"]
    assert f"/admin/meetings/meeting/{meeting.pk}/change/" in notice.body
    assert versions_of(meeting).first().revision.comment == "Wysłanie do akceptacji"


def test_a_plain_save_keeps_a_draft_off_the_site(client, from_nasielsk, czosnow, office):
    client.force_login(from_nasielsk)
    response = propose(client, czosnow)
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.review_state == Meeting.ReviewState.DRAFT
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("zapisano jako szkic" in m for m in messages)
    assert not mail.outbox


def test_the_redaktor_approves_it_and_the_partner_is_told(
    client, from_nasielsk, nasielsk, editor, office, in_background
):
    meeting = meeting_of(nasielsk, "Dni Nasielska", Meeting.ReviewState.SUBMITTED, submitted_by=from_nasielsk)
    client.force_login(editor)
    found = links(client.get("/admin/").text)
    assert found["1 spotkanie czeka na akceptację"] == "/admin/meetings/meeting/?review_state__exact=submitted"
    assert "Dni Nasielska" in client.get(found["1 spotkanie czeka na akceptację"]).text
    page = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/")
    assert "To spotkanie czeka na akceptację przed publikacją." in page.text
    assert 'name="_approve" value="Zatwierdź i opublikuj"' in page.text
    assert f"/admin/meetings/meeting/{meeting.pk}/zwroc-do-poprawy/" in page.text
    with in_background():
        response = client.post(
            f"/admin/meetings/meeting/{meeting.pk}/change/", change_form_data(page) | {"_approve": "1"}
        )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.review_state == Meeting.ReviewState.APPROVED
    assert versions_of(meeting).first().revision.comment == "Zatwierdzenie i publikacja"
    [notice] = mail.outbox
    assert notice.subject == "Spotkanie zatwierdzone: Dni Nasielska"
    assert notice.to == ["promocja@nasielsk.example"] and notice.reply_to == ["biuro@pup.example"]
    client.logout()
    assert "Dni Nasielska" in client.get("/spotkania/").text


def test_the_redaktor_returns_it_with_a_note_and_the_partner_sends_it_again(
    client, from_nasielsk, from_czosnow, nasielsk, editor, office, in_background
):
    meeting = meeting_of(nasielsk, "Dni Nasielska", Meeting.ReviewState.SUBMITTED, submitted_by=from_nasielsk)
    url = reverse("admin:meetings_meeting_send_back", args=[meeting.pk])
    client.force_login(from_nasielsk)
    assert client.get(url).status_code == 403  # no right to decide
    client.force_login(editor)
    assert "Uwagi do poprawy" in client.get(url).text
    refused = client.post(url, {"note": "  "})
    assert refused.status_code == 400
    assert "Napisz, co trzeba poprawić: bez uwag nie wiadomo, co zmienić w spotkaniu." in refused.text
    with in_background():
        assert client.post(url, {"note": "Proszę podać godzinę."}).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.review_state, meeting.review_note) == (Meeting.ReviewState.RETURNED, "Proszę podać godzinę.")
    assert versions_of(meeting).first().revision.comment == "Zwrot do poprawy. Uwagi: Proszę podać godzinę."
    [notice] = mail.outbox
    assert notice.to == ["promocja@nasielsk.example"] and "Proszę podać godzinę." in notice.body
    assert client.post(url, {"note": "Jeszcze raz."}).status_code == 409  # no longer waiting

    client.force_login(from_czosnow)
    assert not any("spotkani" in text for text in links(client.get("/admin/").text))  # not Czosnów's
    client.force_login(from_nasielsk)
    found = links(client.get("/admin/").text)
    assert found["1 spotkanie zwrócone do poprawy"] == "/admin/meetings/meeting/?review_state__exact=returned"
    page = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/")
    assert "Proszę podać godzinę." in page.text
    with in_background():
        data = change_form_data(page) | {"start_time": "10:00", "_submit_for_review": "1"}
        assert client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.review_state == Meeting.ReviewState.SUBMITTED


def test_no_path_of_the_admin_lets_the_partner_publish(client, from_nasielsk, nasielsk, editor):
    waiting = meeting_of(nasielsk, "Czeka", Meeting.ReviewState.SUBMITTED, submitted_by=from_nasielsk)
    approved = meeting_of(nasielsk, "Zatwierdzone", Meeting.ReviewState.APPROVED)
    client.force_login(editor)  # a version of the approved meeting to restore
    page = client.get(f"/admin/meetings/meeting/{approved.pk}/change/")
    client.post(f"/admin/meetings/meeting/{approved.pk}/change/", change_form_data(page) | {"series": "Cykl"})
    version = versions_of(approved).first()
    page = client.get(f"/admin/meetings/meeting/{waiting.pk}/change/")
    client.post(f"/admin/meetings/meeting/{waiting.pk}/change/", change_form_data(page) | {"series": "Cykl"})
    waiting_version = versions_of(waiting).first()

    client.force_login(from_nasielsk)
    # The approve button sent by hand.
    page = client.get(f"/admin/meetings/meeting/{waiting.pk}/change/")
    assert 'name="_approve"' not in page.text
    data = change_form_data(page)
    response = client.post(f"/admin/meetings/meeting/{waiting.pk}/change/", data | {"_approve": "1"})
    assert response.status_code == 403
    # The approval as a form field.
    client.post(f"/admin/meetings/meeting/{waiting.pk}/change/", data | {"review_state": "approved"})
    # A version restored: the approval is not among what it restores.
    client.post(f"/admin/meetings/meeting/{waiting.pk}/history/{waiting_version.pk}/restore/")
    # An approved meeting is only viewed.
    page = client.get(f"/admin/meetings/meeting/{approved.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.text
    assert client.post(f"/admin/meetings/meeting/{approved.pk}/change/", {"title": "Przejęte"}).status_code == 403
    assert client.post(f"/admin/meetings/meeting/{approved.pk}/history/{version.pk}/restore/").status_code == 403
    # The list offers no action at all (no bulk publishing, no deleting).
    assert 'name="action"' not in client.get("/admin/meetings/meeting/").text

    waiting.refresh_from_db()
    approved.refresh_from_db()
    assert waiting.review_state == Meeting.ReviewState.SUBMITTED
    assert (approved.title, approved.review_state) == ("Zatwierdzone", Meeting.ReviewState.APPROVED)


def test_each_institution_sees_only_its_own_meetings(client, from_nasielsk, nasielsk, czosnow, make_institution):
    ours = meeting_of(nasielsk, "Nasze spotkanie w Nasielsku")
    theirs = meeting_of(czosnow, "Szkic spotkania w Czosnowie", date=datetime.date(2019, 5, 5))
    public = meeting_of(None, "Spotkanie całego partnerstwa", Meeting.ReviewState.APPROVED)
    client.force_login(from_nasielsk)

    listed = client.get("/admin/meetings/meeting/").text
    assert "Nasze spotkanie w Nasielsku" in listed
    assert "Szkic spotkania w Czosnowie" not in listed and "Spotkanie całego partnerstwa" not in listed
    assert "Szkic spotkania" not in client.get("/admin/meetings/meeting/", {"q": "Czosnowie"}).text
    assert "?rok=2019" not in listed  # nor the year of another institution's meeting
    make_institution(name="Stowarzyszenie przed publikacją", is_published=False)
    form = client.get(f"/admin/meetings/meeting/{ours.pk}/change/").text
    assert "Urząd Gminy Czosnów" in form and "Stowarzyszenie przed publikacją" not in form
    for other in (theirs, public):
        for suffix in ("change/", "history/", "zwroc-do-poprawy/", "delete/"):
            assert client.get(f"/admin/meetings/meeting/{other.pk}/{suffix}").status_code == 403, suffix
        assert client.post(f"/admin/meetings/meeting/{other.pk}/change/", {"title": "Przejęte"}).status_code == 403
    assert client.get(f"/admin/meetings/meeting/{ours.pk}/change/").status_code == 200

    # Bulk actions reach only the account's rows (and it has none to offer).
    client.post("/admin/meetings/meeting/", {"action": "delete_selected", "_selected_action": [theirs.pk]})
    assert Meeting.objects.filter(pk=theirs.pk).exists()

    # Preview links: made and revoked for its own meetings only.
    create = reverse("admin:drafts_preview_create")
    assert client.post(create, {"model": "meetings.meeting", "object_id": str(ours.pk), "days": "7"}).status_code == 302
    assert (
        client.post(create, {"model": "meetings.meeting", "object_id": str(theirs.pk), "days": "7"}).status_code == 403
    )
    link, _ = make_link(theirs, 7)
    assert client.post(reverse("admin:drafts_preview_revoke"), {"link": str(link.pk)}).status_code == 403
    assert PreviewLink.objects.filter(object_id=str(theirs.pk), revoked_at=None).count() == 1


def test_an_unapproved_meeting_is_previewed_through_a_link(client, nasielsk):
    meeting = meeting_of(nasielsk, "Propozycja spotkania", Meeting.ReviewState.SUBMITTED)
    _, path = make_link(meeting, 7)
    page = client.get(path)
    assert page.status_code == 200
    assert "Podgląd wersji roboczej." in page.text
    assert "Podgląd: to spotkanie nie zostało jeszcze zatwierdzone (czeka na akceptację)" in page.text
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_the_redaktor_approves_several_from_the_list(client, from_nasielsk, nasielsk, editor, office, in_background):
    waiting = [
        meeting_of(nasielsk, f"Propozycja {n}", Meeting.ReviewState.SUBMITTED, submitted_by=from_nasielsk)
        for n in (1, 2)
    ]
    approved = meeting_of(nasielsk, "Już zatwierdzone", Meeting.ReviewState.APPROVED)
    client.force_login(editor)
    assert "Zatwierdź i opublikuj zaznaczone spotkania" in client.get("/admin/meetings/meeting/").text
    selected = [m.pk for m in [*waiting, approved]]
    with in_background():
        response = client.post(
            "/admin/meetings/meeting/", {"action": "approve_selected", "_selected_action": selected}, follow=True
        )
    assert "Zatwierdzono i opublikowano 2 spotkania." in response.text
    assert "1 spotkanie było już zatwierdzone." in response.text
    assert Meeting.objects.filter(review_state=Meeting.ReviewState.APPROVED).count() == 3
    assert versions_of(waiting[0]).first().revision.comment == "Zatwierdzenie i publikacja z listy spotkań"
    assert sorted(m.subject for m in mail.outbox) == [
        "Spotkanie zatwierdzone: Propozycja 1",
        "Spotkanie zatwierdzone: Propozycja 2",
    ]


def test_the_partner_is_not_asked_for_reports_it_cannot_write(client, from_nasielsk, nasielsk):
    meeting_of(nasielsk, "Minione", Meeting.ReviewState.APPROVED, date=datetime.date(2020, 1, 1), status="held")
    client.force_login(from_nasielsk)
    assert not any("relacji" in text for text in links(client.get("/admin/").text))


# The list: the frame of every admin page (session, user, permissions), the account's institution,
# the counts and the page of meetings, the year filter and the date hierarchy. The home page: as
# members/tests/test_partner_admin_pages_keep_their_query_count.py says.
@pytest.mark.parametrize(("url", "queries"), [("/admin/meetings/meeting/", 12), ("/admin/", 10)])
def test_the_partners_meeting_pages_keep_their_query_count(
    client, from_nasielsk, nasielsk, czosnow, url, queries, django_assert_num_queries
):
    meeting_of(nasielsk, "Pierwsze", Meeting.ReviewState.RETURNED)
    client.force_login(from_nasielsk)
    client.get(url)  # the first request of a session warms what every request shares
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    for n in range(15):
        meeting_of(nasielsk, f"Nasze {n}", Meeting.ReviewState.RETURNED)
        meeting_of(czosnow, f"Ich {n}", Meeting.ReviewState.SUBMITTED)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("way", ["form", "list"])
def test_a_report_written_while_its_meeting_waited_is_registered_as_published_on_approval(
    client, from_nasielsk, nasielsk, editor, office, way
):
    from changelog.models import ChangeRecord
    from meetings.models import Report

    meeting = meeting_of(
        nasielsk, "Dni Nasielska", Meeting.ReviewState.SUBMITTED, submitted_by=from_nasielsk, date=SOON, status="held"
    )
    report = Report.objects.create(meeting=meeting, body="<p>Było nas wielu.</p>", status="published")
    client.force_login(editor)
    if way == "form":
        page = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/")
        data = change_form_data(page) | {"_approve": "1"}
        assert client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data).status_code == 302
    else:
        client.post("/admin/meetings/meeting/", {"action": "approve_selected", "_selected_action": [meeting.pk]})
    record = ChangeRecord.objects.get(object_id=report.pk, content_type__model="report")
    assert record.is_publication and record.summary == "Publikacja po zatwierdzeniu spotkania"

"""A partner's changes to its institution's page wait for approval (members/proposals.py)."""

import io

from django.contrib.admin.models import LogEntry
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from adminsite.tests.forms import change_form_data
from members.models import InstitutionChange


def change_url(institution):
    return f"/admin/members/institution/{institution.pk}/change/"


def propose(client, institution, **values):
    page = client.get(change_url(institution))
    response = client.post(change_url(institution), change_form_data(page) | values)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    return response


def png():
    out = io.BytesIO()
    Image.new("RGB", (120, 60), "navy").save(out, format="PNG")
    return SimpleUploadedFile("herb.png", out.getvalue(), content_type="image/png")


def test_a_proposal_waits_and_the_approver_is_told(client, from_nasielsk, nasielsk, editor, settings, in_background):
    settings.STAFF_NOTIFY_EMAILS = []
    client.force_login(from_nasielsk)
    with in_background():
        response = propose(client, nasielsk, phone="23 691 25 00", website="https://www.nasielsk.pl/")
    assert response.url == change_url(nasielsk)
    assert "Zmiany wysłano do akceptacji" in client.get(response.url).text
    nasielsk.refresh_from_db()
    assert (nasielsk.phone, nasielsk.website) == ("", "")
    assert "23 691 25 00" not in client.get(nasielsk.get_absolute_url()).text
    [message] = mail.outbox
    assert message.to == ["redakcja@pup.example"]
    assert "Urząd Miejski w Nasielsku" in message.subject and "telefon, strona internetowa" in message.body
    assert "promocja@nasielsk.example" not in message.body

    # Its form goes on from what it proposed, with a note that it waits.
    page = client.get(change_url(nasielsk)).text
    assert 'value="23 691 25 00"' in page and "wysłane do akceptacji" in page


def test_the_approver_compares_and_approves(client, from_nasielsk, nasielsk, editor, settings, in_background):
    client.force_login(from_nasielsk)
    propose(client, nasielsk, phone="23 691 25 00")
    client.force_login(editor)
    page = client.get(change_url(nasielsk)).text
    assert "czekają na akceptację" in page and "23 691 25 00" in page and "Zatwierdź zmiany" in page
    with in_background():
        response = client.post(f"/admin/members/institution/{nasielsk.pk}/zmiany/zatwierdz/")
    assert response.status_code == 302
    nasielsk.refresh_from_db()
    assert nasielsk.phone == "23 691 25 00"
    assert not InstitutionChange.objects.exists()
    assert "23 691 25 00" in client.get(nasielsk.get_absolute_url()).text  # the cached page follows
    assert [m.to for m in mail.outbox] == [["promocja@nasielsk.example"]]
    assert "zatwierdzone" in mail.outbox[0].body
    history = list(LogEntry.objects.filter(object_id=str(nasielsk.pk)).values_list("change_message", flat=True))
    assert "Propozycja zmian: telefon" in history
    assert "Zatwierdzenie zmian zaproponowanych przez instytucję: telefon" in history


def test_the_approver_sends_it_back_and_the_partner_corrects_it(
    client, from_nasielsk, nasielsk, editor, settings, in_background
):
    client.force_login(from_nasielsk)
    propose(client, nasielsk, phone="23 691 25 0")
    client.force_login(editor)
    url = f"/admin/members/institution/{nasielsk.pk}/zmiany/zwroc/"
    empty = client.post(url, {"note": "  "})
    assert empty.status_code == 400 and "Napisz, co trzeba poprawić" in empty.text
    with in_background():
        assert client.post(url, {"note": "Brakuje ostatniej cyfry numeru."}).status_code == 302
    change = nasielsk.proposed_changes.get()
    assert change.status == InstitutionChange.Status.RETURNED
    assert [m.to for m in mail.outbox] == [["promocja@nasielsk.example"]]
    assert "Brakuje ostatniej cyfry numeru." in mail.outbox[0].body
    assert client.post(url, {"note": "Drugi raz."}).status_code == 409  # nothing waits any more

    client.force_login(from_nasielsk)
    assert "Zaproponowane zmiany danych instytucji zwrócono do poprawy" in client.get("/admin/").text
    page = client.get(change_url(nasielsk)).text
    assert "Brakuje ostatniej cyfry numeru." in page and 'value="23 691 25 0"' in page
    propose(client, nasielsk, phone="23 691 25 00")
    change.refresh_from_db()
    assert change.status == InstitutionChange.Status.SUBMITTED and change.values == {"phone": "23 691 25 00"}


def test_saving_what_the_page_already_says_withdraws_the_proposal(client, from_nasielsk, nasielsk):
    client.force_login(from_nasielsk)
    propose(client, nasielsk, phone="23 691 25 00")
    response = propose(client, nasielsk, phone="")
    assert "nie ma zmian do zatwierdzenia" in client.get(response.url).text
    assert not InstitutionChange.objects.exists()


def test_line_breaks_as_a_browser_sends_them_are_no_change(client, from_nasielsk, nasielsk, editor):
    """A browser sends a textarea's lines joined by CRLF; the address kept on the page has LF."""
    nasielsk.address = "Urząd Miejski w Nasielsku\nul. Elektronowa 3\nNasielsk"
    nasielsk.save()
    client.force_login(from_nasielsk)
    as_sent = "Urząd Miejski w Nasielsku\r\nul. Elektronowa 3\r\nNasielsk"
    response = propose(client, nasielsk, address=as_sent)
    assert "nie ma zmian do zatwierdzenia" in client.get(response.url).text
    assert not InstitutionChange.objects.exists()

    propose(client, nasielsk, address=as_sent, phone="23 691 25 00")
    assert InstitutionChange.objects.get().values == {"phone": "23 691 25 00"}  # the address is not listed
    propose(client, nasielsk, address=as_sent + "\r\nsekretariat na parterze", phone="23 691 25 00")
    change = InstitutionChange.objects.get()
    assert change.values["address"] == "Urząd Miejski w Nasielsku\nul. Elektronowa 3\nNasielsk\nsekretariat na parterze"


def test_a_new_logo_waits_too(client, from_nasielsk, nasielsk, editor):
    client.force_login(from_nasielsk)
    propose(client, nasielsk, logo=png(), logo_alt="Herb Nasielska")
    nasielsk.refresh_from_db()
    assert not nasielsk.logo
    change = nasielsk.proposed_changes.get()
    assert change.logo.name.startswith("partnerzy/propozycje/") and change.values == {"logo_alt": "Herb Nasielska"}
    propose(client, nasielsk, phone="23 691 25 00")  # the proposed logo stays in a later save
    change.refresh_from_db()
    assert change.logo and change.values == {"logo_alt": "Herb Nasielska", "phone": "23 691 25 00"}

    client.force_login(editor)
    assert client.post(f"/admin/members/institution/{nasielsk.pk}/zmiany/zatwierdz/").status_code == 302
    nasielsk.refresh_from_db()
    assert nasielsk.logo.name == change.logo.name and nasielsk.logo_alt == "Herb Nasielska"
    assert 'alt="Herb Nasielska"' in client.get(nasielsk.get_absolute_url()).text


def test_only_an_approver_decides(client, from_nasielsk, from_czosnow, nasielsk, czosnow, staff_in_role):
    from accounts.roles import AUTHOR, MODERATOR

    client.force_login(from_nasielsk)
    propose(client, nasielsk, phone="23 691 25 00")
    approve = f"/admin/members/institution/{nasielsk.pk}/zmiany/zatwierdz/"
    send_back = f"/admin/members/institution/{nasielsk.pk}/zmiany/zwroc/"
    assert client.post(approve).status_code == 403  # not its own
    assert client.get(send_back).status_code == 403
    client.force_login(from_czosnow)
    assert client.post(approve).status_code == 403  # nor another gmina's
    client.force_login(staff_in_role(AUTHOR))
    assert client.post(approve).status_code == 403
    nasielsk.refresh_from_db()
    assert nasielsk.phone == ""
    client.force_login(staff_in_role(MODERATOR))  # who completes institutions approves too
    assert "1 propozycja zmian danych instytucji czeka na akceptację" in client.get("/admin/").text
    listed = client.get("/admin/members/institution/", {"propozycja": "czeka"}).text
    assert "Nasielsku" in listed and "Urząd Gminy Czosnów" not in listed
    assert client.post(approve).status_code == 302
    nasielsk.refresh_from_db()
    assert nasielsk.phone == "23 691 25 00"

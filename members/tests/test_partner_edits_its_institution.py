"""A partner's account changes its own institution's contacts and description, nothing else."""

from adminsite.tests.forms import change_form_data


def test_the_partner_proposes_its_contacts_but_not_its_name(client, from_nasielsk, nasielsk):
    client.force_login(from_nasielsk)
    url = f"/admin/members/institution/{nasielsk.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="phone"' in page.text and 'name="description"' in page.text
    assert 'name="name"' not in page.text and 'name="is_published"' not in page.text
    assert "Funkcje" not in page.text and "zgłoszenie przystąpienia" not in page.text.lower()
    data = change_form_data(page) | {"phone": "23 691 25 00", "name": "Przejęta nazwa"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    nasielsk.refresh_from_db()
    assert nasielsk.phone == ""  # proposed, not yet on the site (test_partner_proposes_changes_…)
    assert nasielsk.name == "Urząd Miejski w Nasielsku"
    assert nasielsk.proposed_changes.get().values == {"phone": "23 691 25 00"}


def test_the_list_shows_only_the_own_institution(client, from_nasielsk, nasielsk, czosnow):
    client.force_login(from_nasielsk)
    page = client.get("/admin/members/institution/").text
    assert "Urząd Miejski w Nasielsku" in page and "Czosnów" not in page
    assert "Dodaj instytucję" not in page


def test_the_other_institution_cannot_be_opened_changed_added_or_deleted(client, from_nasielsk, nasielsk, czosnow):
    client.force_login(from_nasielsk)
    for url in (
        f"/admin/members/institution/{czosnow.pk}/change/",
        f"/admin/members/institution/{czosnow.pk}/history/",
        f"/admin/members/institution/{czosnow.pk}/delete/",
        f"/admin/members/institution/{nasielsk.pk}/delete/",
        "/admin/members/institution/add/",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/admin/members/institution/{czosnow.pk}/change/", {"phone": "1"}).status_code == 403
    czosnow.refresh_from_db()
    assert czosnow.phone == ""
    assert not czosnow.proposed_changes.exists()


def test_the_redaktor_still_edits_every_field(client, staff_in_role, czosnow):
    from accounts.roles import REDAKTOR

    client.force_login(staff_in_role(REDAKTOR))
    page = client.get(f"/admin/members/institution/{czosnow.pk}/change/").text
    assert 'name="name"' in page and 'name="is_published"' in page

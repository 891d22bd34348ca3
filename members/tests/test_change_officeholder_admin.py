"""Staff end a term and enter the next holder of the same function in one save of the institution."""

import datetime

from members.models import Office
from members.tests.test_edit_institution_admin import institution_form


def change_form(institution, rows):
    """The institution's change form as the admin posts it: existing offices first, then new rows."""
    data = institution_form(
        name=institution.name, slug=institution.slug, kind=institution.kind, gmina=institution.gmina
    )
    data = {key: value for key, value in data.items() if not key.startswith("offices-")}
    initial = sum(1 for row in rows if row.get("id"))
    data.update(
        {
            "offices-TOTAL_FORMS": str(len(rows)),
            "offices-INITIAL_FORMS": str(initial),
            "offices-MIN_NUM_FORMS": "0",
            "offices-MAX_NUM_FORMS": "1000",
        }
    )
    for n, row in enumerate(rows):
        data.update({f"offices-{n}-{key}": value for key, value in row.items()})
        data.setdefault(f"offices-{n}-institution", institution.pk)
        data.setdefault(f"offices-{n}-position", "0")
    return data


def test_ending_a_term_and_adding_the_new_holder_in_one_save_works(
    client, alice, make_institution, make_person, make_office
):
    gmina = make_institution(name="Gmina Leoncin")
    former, successor = make_person("Zofia", "Dotychczasowa"), make_person("Piotr", "Następny")
    office = make_office(gmina, "Wójt Gminy Leoncin", former, start_date=datetime.date(2018, 11, 20))
    client.force_login(alice)

    response = client.post(
        f"/admin/members/institution/{gmina.pk}/change/",
        change_form(
            gmina,
            [
                {
                    "id": office.pk,
                    "function": "Wójt Gminy Leoncin",
                    "person": former.pk,
                    "start_date": "2018-11-20",
                    "end_date": "2024-05-06",
                },
                {"function": "Wójt Gminy Leoncin", "person": successor.pk, "start_date": "2024-05-07", "end_date": ""},
            ],
        ),
    )

    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    offices = Office.objects.filter(institution=gmina).order_by("start_date")
    assert [(o.person, o.end_date) for o in offices] == [
        (former, datetime.date(2024, 5, 6)),
        (successor, None),
    ]
    page = client.get(gmina.get_absolute_url()).text
    current, past = page.split("<h3>Wcześniej</h3>")
    assert "Piotr Następny" in current and "Zofia Dotychczasowa" in past


def test_a_second_holder_without_ending_the_first_term_is_refused_in_polish(
    client, alice, make_institution, make_person, make_office
):
    gmina = make_institution()
    former, successor = make_person("Zofia", "Dotychczasowa"), make_person("Piotr", "Następny")
    office = make_office(gmina, "Wójt Gminy Leoncin", former)
    client.force_login(alice)

    response = client.post(
        f"/admin/members/institution/{gmina.pk}/change/",
        change_form(
            gmina,
            [
                {"id": office.pk, "function": "Wójt Gminy Leoncin", "person": former.pk, "end_date": ""},
                {"function": "wójt gminy leoncin", "person": successor.pk, "end_date": ""},
            ],
        ),
    )

    assert response.status_code == 200
    assert "Tę funkcję ktoś już pełni. Najpierw podaj datę zakończenia poprzedniej." in response.text
    assert list(Office.objects.values_list("person", flat=True)) == [former.pk]


def test_two_new_holders_of_one_function_in_a_new_institution_are_refused(client, alice, make_person):
    client.force_login(alice)
    data = institution_form(**{"offices-TOTAL_FORMS": "2"})
    data.update(
        {
            "offices-0-function": "Wójt",
            "offices-0-person": make_person().pk,
            "offices-1-function": "Wójt",
            "offices-1-person": make_person().pk,
            "offices-1-position": "0",
        }
    )
    response = client.post("/admin/members/institution/add/", data)
    assert response.status_code == 200
    assert "Tę funkcję ktoś już pełni." in response.text
    assert not Office.objects.exists()


def test_on_a_persons_page_an_office_held_by_someone_else_is_still_refused(
    client, alice, make_institution, make_person, make_office
):
    gmina = make_institution()
    make_office(gmina, "Skarbnik Gminy", make_person("Anna", "Obecna"))
    newcomer = make_person("Jan", "Nowy")
    client.force_login(alice)
    response = client.post(
        f"/admin/members/person/{newcomer.pk}/change/",
        {
            "first_name": "Jan",
            "last_name": "Nowy",
            "offices-TOTAL_FORMS": "1",
            "offices-INITIAL_FORMS": "0",
            "offices-MIN_NUM_FORMS": "0",
            "offices-MAX_NUM_FORMS": "1000",
            "offices-0-function": "Skarbnik Gminy",
            "offices-0-institution": gmina.pk,
            "offices-0-person": newcomer.pk,
            "offices-0-position": "0",
        },
    )
    assert response.status_code == 200
    assert "Tę funkcję ktoś już pełni." in response.text
    assert Office.objects.count() == 1

import datetime

import pytest
from django.db import IntegrityError

from agreement.models import Signature
from members.models import Office


def test_a_new_officeholder_leaves_the_agreement_unchanged_and_shows_as_history(
    client, make_institution, make_person, make_office, make_agreement
):
    nasielsk = make_institution(name="Gmina Nasielsk")
    former = make_person("Bogdan", "Ruszkowski")
    office = make_office(nasielsk, "Burmistrz Nasielska", former, start_date=datetime.date(2014, 12, 1))
    agreement = make_agreement()
    Signature.objects.create(agreement=agreement, person=former, institution=nasielsk, function=office.function)

    # Elections: the old office ends, a new person takes it, the function gets a new wording.
    office.end_date = datetime.date(2018, 11, 21)
    office.save()
    make_office(
        nasielsk,
        "Burmistrz Miasta i Gminy Nasielsk",
        make_person("Ewa", "Następczyni"),
        start_date=datetime.date(2018, 11, 22),
    )

    agreement_page = client.get("/porozumienie/").text
    assert "<td>Burmistrz Nasielska</td>" in agreement_page
    assert "<td>Bogdan Ruszkowski</td>" in agreement_page
    assert "Następczyni" not in agreement_page

    institution_page = client.get(nasielsk.get_absolute_url()).text
    current, past = institution_page.split("<h3>Wcześniej</h3>")
    assert "Burmistrz Miasta i Gminy Nasielsk</strong> Ewa Następczyni" in current
    assert 'od <time datetime="2018-11-22">22 listopada 2018</time>' in current
    assert "<strong>Burmistrz Nasielska</strong> Bogdan Ruszkowski" in past
    assert (
        'od <time datetime="2014-12-01">1 grudnia 2014</time> do <time datetime="2018-11-21">21 listopada 2018</time>'
        in past
    )


def test_one_function_cannot_have_two_holders_at_once(make_institution, make_office):
    gmina = make_institution()
    make_office(gmina, "Wójt Gminy Leoncin")
    with pytest.raises(IntegrityError):
        make_office(gmina, "wójt gminy leoncin")


def test_an_office_cannot_end_before_it_starts(make_institution, make_office):
    with pytest.raises(IntegrityError):
        make_office(make_institution(), start_date=datetime.date(2020, 1, 2), end_date=datetime.date(2020, 1, 1))


def test_current_offices_are_those_held_today(make_institution, make_office):
    gmina = make_institution()
    today = datetime.date.today()
    held = make_office(gmina, "A")
    make_office(gmina, "B", end_date=today - datetime.timedelta(days=1))
    make_office(gmina, "C", start_date=today + datetime.timedelta(days=10))
    assert list(Office.objects.current()) == [held]

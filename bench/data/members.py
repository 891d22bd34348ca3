"""Benchmark data for members: 100 institutions, each with a current and a past representative."""

import datetime

from members.models import Gmina, Institution, InstitutionKind, Office, Person

INSTITUTIONS = 100


def fill(log):
    kinds, gminas = list(InstitutionKind.values), list(Gmina.values)
    institutions = Institution.objects.bulk_create(
        Institution(
            name=f"Instytucja testowa {n}",
            slug=f"instytucja-testowa-{n}",
            kind=kinds[n % len(kinds)],
            gmina=gminas[n % len(gminas)],
            description="<p>Opis instytucji używanej w pomiarach wydajności.</p>",
        )
        for n in range(1, INSTITUTIONS + 1)
    )
    people = Person.objects.bulk_create(
        Person(first_name="Osoba", last_name=f"Testowa {n}") for n in range(1, 2 * INSTITUTIONS + 1)
    )
    offices = []
    for n, institution in enumerate(institutions):
        offices.append(
            Office(
                institution=institution,
                person=people[2 * n],
                function="Dyrektor",
                start_date=datetime.date(2015, 1, 1),
                end_date=datetime.date(2019, 12, 31),
            )
        )
        offices.append(
            Office(
                institution=institution,
                person=people[2 * n + 1],
                function="Dyrektor",
                start_date=datetime.date(2020, 1, 1),
            )
        )
    Office.objects.bulk_create(offices)
    log(f"{INSTITUTIONS} institutions, {len(people)} people, {len(offices)} offices")


def urls():
    return {"partner list": "/partnerzy/", "partner": "/partnerzy/instytucja-testowa-50/"}

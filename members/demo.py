"""Demo partners: the nine institutions that signed the agreement of 19 April 2018 and their representatives.

Only what the facts say: names, kinds, gminas and functions. Addresses, phones, e-mails and the
dates of office are not known, so they stay empty for staff to fill in.
"""

from members.models import Gmina, Institution, InstitutionKind, Office, Person

NDM = Gmina.NOWY_DWOR

# (name, short name, slug, kind, gmina, description)
INSTITUTIONS = [
    (
        "Starostwo Powiatowe w Nowym Dworze Mazowieckim",
        "Starostwo Powiatowe",
        "starostwo-powiatowe",
        InstitutionKind.STAROSTWO,
        NDM,
        "<p>Urząd obsługujący Starostę Nowodworskiego i samorząd powiatu nowodworskiego. Starosta Nowodworski "
        "wspólnie z Dyrektorem Powiatowego Urzędu Pracy zainicjował zawarcie porozumienia o partnerstwie lokalnym.</p>",
    ),
    (
        "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim",
        "Powiatowy Urząd Pracy",
        "powiatowy-urzad-pracy",
        InstitutionKind.PUP,
        NDM,
        "<p>Koordynator Partnerstwa Lokalnego. To z inicjatywy Dyrektora urzędu, wspólnie ze Starostą Nowodworskim, "
        "powstało porozumienie o partnerstwie.</p>",
    ),
    ("Gmina Miejska Nowy Dwór Mazowiecki", "", "gmina-miejska-nowy-dwor-mazowiecki", InstitutionKind.GMINA, NDM, ""),
    ("Gmina Nasielsk", "", "gmina-nasielsk", InstitutionKind.GMINA, Gmina.NASIELSK, ""),
    ("Gmina Zakroczym", "", "gmina-zakroczym", InstitutionKind.GMINA, Gmina.ZAKROCZYM, ""),
    ("Gmina Czosnów", "", "gmina-czosnow", InstitutionKind.GMINA, Gmina.CZOSNOW, ""),
    ("Gmina Leoncin", "", "gmina-leoncin", InstitutionKind.GMINA, Gmina.LEONCIN, ""),
    ("Gmina Pomiechówek", "", "gmina-pomiechowek", InstitutionKind.GMINA, Gmina.POMIECHOWEK, ""),
    (
        "Powiatowa Rada Rynku Pracy",
        "",
        "powiatowa-rada-rynku-pracy",
        InstitutionKind.RADA_RYNKU_PRACY,
        NDM,
        "<p>Organ opiniodawczo-doradczy Starosty w sprawach rynku pracy. Porozumienie o partnerstwie podpisano "
        "podczas nadzwyczajnego posiedzenia Rady; w imieniu Rady podpisał je jej przewodniczący wraz z członkami.</p>",
    ),
]

# The signatories in the order of the agreement: (function, first names, last name, institution).
# Names in the nominative; the function as it is written.
SIGNATORIES = [
    ("Starosta Nowodworski", "Magdalena", "Biernacka", "Starostwo Powiatowe w Nowym Dworze Mazowieckim"),
    ("Wicestarosta", "Paweł", "Calak", "Starostwo Powiatowe w Nowym Dworze Mazowieckim"),
    ("Dyrektor Powiatowego Urzędu Pracy", "Marzena", "Boczek", "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim"),
    ("Burmistrz Nowego Dworu Mazowieckiego", "Jacek", "Kowalski", "Gmina Miejska Nowy Dwór Mazowiecki"),
    ("Burmistrz Nasielska", "Bogdan", "Ruszkowski", "Gmina Nasielsk"),
    ("Burmistrz Zakroczymia", "Artur", "Ciecierski", "Gmina Zakroczym"),
    ("Wójt Gminy Czosnów", "Antoni", "Kręźlewicz", "Gmina Czosnów"),
    ("Wójt Gminy Leoncin", "Adam Mirosław", "Krawczak", "Gmina Leoncin"),
    ("Wójt Gminy Pomiechówek", "Dariusz Tomasz", "Bielecki", "Gmina Pomiechówek"),
    ("Przewodniczący Powiatowej Rady Rynku Pracy", "Krystian", "Buszta", "Powiatowa Rada Rynku Pracy"),
]


def load(log):
    institutions = {}
    for name, short_name, slug, kind, gmina, description in INSTITUTIONS:
        institution, created = Institution.objects.get_or_create(
            name=name,
            defaults={"short_name": short_name, "slug": slug, "kind": kind, "gmina": gmina, "description": description},
        )
        institutions[name] = institution
        log("instytucja", institution, created)
    for position, (function, first_name, last_name, institution_name) in enumerate(SIGNATORIES):
        person, created = Person.objects.get_or_create(first_name=first_name, last_name=last_name)
        log("osoba", person, created)
        office, created = Office.objects.get_or_create(
            institution=institutions[institution_name],
            person=person,
            defaults={"function": function, "position": position},
        )
        log("funkcja", office, created)

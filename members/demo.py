"""Demo partners: the nine institutions that signed the agreement of 19 April 2018, their
representatives then, and the office holders known since.

Only what the facts say (../shared/reference/FACTS.md, sources named beside each item). A contact
no source gives stays empty for staff to fill in: the PUP's and the Starostwo's address and phone,
Czosnów's and Leoncin's offices, any data protection officer.
"""

import datetime

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
        "<p>Urząd obsługujący starostę nowodworskiego i samorząd powiatu nowodworskiego. Starosta nowodworski "
        "wspólnie z dyrektorem Powiatowego Urzędu Pracy zainicjował zawarcie porozumienia o partnerstwie lokalnym.</p>",
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

# Contacts the offices publish themselves (FACTS.md, „Contacts”). Where a source gives two
# phone numbers, the first; a misprinted e-mail and disagreeing e-Doręczenia addresses are left out.
CONTACTS = {
    # nowydwormaz.pl, page footer (2025)
    "Gmina Miejska Nowy Dwór Mazowiecki": {
        "address": "Urząd Miejski w Nowym Dworze Mazowieckim\nul. Zakroczymska 30\n05-100 Nowy Dwór Mazowiecki",
        "phone": "22 51 22 000",
        "email": "sekretariat@nowydwormaz.pl",
        "website": "https://www.nowydwormaz.pl/",
    },
    # nasielsk.pl (June 2020); the source gives no postcode
    "Gmina Nasielsk": {
        "address": "Urząd Miejski w Nasielsku\nul. Elektronowa 3\nNasielsk",
        "website": "https://www.nasielsk.pl/",
        "bip_url": "https://umnasielsk.bip.org.pl/",
    },
    # e-uslugi.wrotamazowsza.pl (about 2013) and zakroczym.pl; its e-mail there is misprinted
    "Gmina Zakroczym": {
        "address": "ul. Warszawska 7\n05-170 Zakroczym",
        "phone": "22 785 21 45",
        "website": "https://www.zakroczym.pl/",
        "bip_url": "https://zakroczym.bip.net.pl/",
    },
    # pomiechowek.pl (undated; the phone also in 2012)
    "Gmina Pomiechówek": {
        "address": "Urząd Gminy Pomiechówek\nul. Szkolna 1a\n05-180 Pomiechówek",
        "phone": "22 765 27 24",
        "email": "urzad@pomiechowek.pl",
        "website": "https://www.pomiechowek.pl/",
    },
    "Gmina Czosnów": {"website": "https://www.czosnow.pl/"},  # czosnow.pl (2017)
    "Gmina Leoncin": {"website": "https://www.leoncin.pl/"},  # leoncin.pl (2024)
    "Starostwo Powiatowe w Nowym Dworze Mazowieckim": {"website": "https://www.nowodworski.pl/"},  # (2024)
}

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

STAROSTWO = "Starostwo Powiatowe w Nowym Dworze Mazowieckim"
NEW_TERM = datetime.date(2024, 5, 7)  # the first sessions after the local elections of April 2024


def year(n):
    return datetime.date(n, 1, 1)


# How each 2018 office went on (FACTS.md, „Office holders after 2018”): the dates known of the
# 2018 holder's term (start, start year only, end, end year only), then the later holders as
# (function, first name, last name, start, start year only, end, end year only). A year alone
# where the sources give no day. Offices whose holder after 2018 was not found stay as signed.
LATER_TERMS = {
    ("Starosta Nowodworski", STAROSTWO): (
        # Starosta also in 2014–2018 (nowodworski.pl, 7 May 2024)
        (year(2014), True, year(2018), True),
        [
            # in office 2020–2023 (nasielsk.pl, June 2020; nowodworski.pl, 2023), start not found, until May 2024
            ("Starosta Nowodworski", "Krzysztof", "Kapusta", None, False, year(2024), True),
            ("Starosta Nowodworski", "Magdalena", "Biernacka", NEW_TERM, False, None, False),  # term 2024–2029
        ],
    ),
    ("Wicestarosta", STAROSTWO): (
        # in office 2018–2023 (artixen.net, Sept 2018; nowodworski.pl, 2023), until May 2024
        (None, False, year(2024), True),
        [("Wicestarosta", "Andrzej", "Pacocha", NEW_TERM, False, None, False)],  # nowodworski.pl, 7 May 2024
    ),
    ("Burmistrz Nowego Dworu Mazowieckiego", "Gmina Miejska Nowy Dwór Mazowiecki"): (
        (None, False, year(2024), True),
        # won the second round of April 2024 (regiony.rp.pl, Apr 2024; nowydwormaz.pl, Nov 2025)
        [("Burmistrz Nowego Dworu Mazowieckiego", "Sebastian", "Sosiński", year(2024), True, None, False)],
    ),
    ("Burmistrz Nasielska", "Gmina Nasielsk"): (
        (None, False, year(2024), True),
        # won the second round of 21 April 2024 (radioplonsk.pl, 3 May 2024)
        [("Burmistrz Nasielska", "Radosław", "Kasiak", year(2024), True, None, False)],
    ),
    ("Wójt Gminy Czosnów", "Gmina Czosnów"): (
        # wójt 1990–2024 (wirtualnynowydwor.pl, 7 May 2024)
        (year(1990), True, year(2024), True),
        [("Wójt Gminy Czosnów", "Anna", "Maliszewska", NEW_TERM, False, None, False)],
    ),
}


def load(log):
    institutions, created_now = {}, set()
    for name, short_name, slug, kind, gmina, description in INSTITUTIONS:
        institution, created = Institution.objects.get_or_create(
            name=name,
            defaults={
                "short_name": short_name,
                "slug": slug,
                "kind": kind,
                "gmina": gmina,
                "description": description,
                **CONTACTS.get(name, {}),
            },
        )
        institutions[name] = institution
        if created:
            created_now.add(name)
        log("instytucja", institution, created)
    for position, (function, first_name, last_name, institution_name) in enumerate(SIGNATORIES):
        person, created = Person.objects.get_or_create(first_name=first_name, last_name=last_name)
        log("osoba", person, created)
        institution = institutions[institution_name]
        if Office.objects.filter(institution=institution, person=person, function=function).exists():
            continue  # loaded before, perhaps edited since
        # The later history is written with its institution only: one staff already keep is theirs.
        later = LATER_TERMS.get((function, institution_name)) if institution_name in created_now else None
        start, start_year_only, end, end_year_only = later[0] if later else (None, False, None, False)
        log(
            "funkcja",
            _office(institution, person, function, position, start, start_year_only, end, end_year_only),
            True,
        )
        for next_function, first, last, *dates in later[1] if later else []:
            holder, created = Person.objects.get_or_create(first_name=first, last_name=last)
            log("osoba", holder, created)
            log("funkcja", _office(institution, holder, next_function, position, *dates), True)


def _office(institution, person, function, position, start, start_year_only, end, end_year_only):
    return Office.objects.create(
        institution=institution,
        person=person,
        function=function,
        position=position,
        start_date=start,
        start_year_only=start_year_only,
        end_date=end,
        end_year_only=end_year_only,
    )

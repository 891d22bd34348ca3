"""Demo content of the partnership: the agreement of 19 April 2018 with its ten signatures, and the
agreement of 18 September 2024 on the social economy, signed by functions the source names.

Runs after members.demo, which creates the institutions and people who signed, and
meetings.demo, which creates the meeting at which they signed.
"""

import datetime

from agreement.models import Agreement, Signature
from meetings.models import Meeting
from members.demo import SIGNATORIES
from members.models import Institution, Person

AGREEMENT = {
    "title": "Porozumienie o zawarciu Partnerstwa Lokalnego na rzecz ożywienia społeczno-gospodarczego "
    "i aktywizacji nowodworskiego rynku pracy",
    "slug": "porozumienie-o-zawarciu-partnerstwa-lokalnego",
    "signed_on": datetime.date(2018, 4, 19),
    "occasion": "Nadzwyczajne posiedzenie Powiatowej Rady Rynku Pracy",
    "initiators": "dyrektor Powiatowego Urzędu Pracy w Nowym Dworze Mazowieckim i starosta nowodworski",
}
# wupwarszawa.praca.gov.pl (2024): signed on 18 September 2024 by the Starosta, the PUP director, the
# mayors and wójts of the powiat's gminas and the members of the Powiatowa Rada Rynku Pracy. The source
# names no one, so each signature gives the function alone (no person); where and at whose initiative
# it was signed is not known, so those fields stay empty.
SOCIAL_ECONOMY_AGREEMENT = {
    "title": "Porozumienie o zawarciu Partnerstwa Lokalnego na rzecz rozwoju ekonomii społecznej "
    "w powiecie nowodworskim",
    "slug": "porozumienie-na-rzecz-rozwoju-ekonomii-spolecznej",
    "signed_on": datetime.date(2024, 9, 18),
}
# (function, institution), in the order of the 2018 signatures.
SOCIAL_ECONOMY_SIGNATURES = [
    ("Starosta Nowodworski", "Starostwo Powiatowe w Nowym Dworze Mazowieckim"),
    ("Dyrektor Powiatowego Urzędu Pracy", "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim"),
    ("Burmistrz Nowego Dworu Mazowieckiego", "Gmina Miejska Nowy Dwór Mazowiecki"),
    ("Burmistrz Nasielska", "Gmina Nasielsk"),
    ("Burmistrz Zakroczymia", "Gmina Zakroczym"),
    ("Wójt Gminy Czosnów", "Gmina Czosnów"),
    ("Wójt Gminy Leoncin", "Gmina Leoncin"),
    ("Wójt Gminy Pomiechówek", "Gmina Pomiechówek"),
    ("Członkowie Powiatowej Rady Rynku Pracy", "Powiatowa Rada Rynku Pracy"),
]
# The meeting of meetings.demo at which the agreement was signed.
SIGNING_MEETING_SLUG = "nadzwyczajne-posiedzenie-powiatowej-rady-rynku-pracy-2018-04-19"


def load(log):
    meeting = Meeting.objects.filter(slug=SIGNING_MEETING_SLUG, agreement=None).first()
    agreement, created = Agreement.objects.get_or_create(
        slug=AGREEMENT["slug"], defaults={**AGREEMENT, "meeting": meeting}
    )
    log("porozumienie", agreement, created)
    for order, (function, first_name, last_name, institution_name) in enumerate(SIGNATORIES, start=1):
        person = Person.objects.filter(first_name=first_name, last_name=last_name).first()
        institution = Institution.objects.filter(name=institution_name).first()
        if person is None or institution is None:
            continue  # removed by staff: leave it so
        signature, created = Signature.objects.get_or_create(
            agreement=agreement,
            person=person,
            institution=institution,
            defaults={
                "function": function,
                "order": order,
                "note": "wraz z członkami Rady" if institution.kind == "rada-rynku-pracy" else "",
            },
        )
        log("podpis", signature, created)

    social, created = Agreement.objects.get_or_create(
        slug=SOCIAL_ECONOMY_AGREEMENT["slug"], defaults=SOCIAL_ECONOMY_AGREEMENT
    )
    log("porozumienie", social, created)
    if not created:
        return  # its signatures are staff's to change from now on
    for order, (function, institution_name) in enumerate(SOCIAL_ECONOMY_SIGNATURES, start=1):
        institution = Institution.objects.filter(name=institution_name).first()
        if institution is None:
            continue  # removed by staff: leave it so
        signature = Signature.objects.create(agreement=social, institution=institution, function=function, order=order)
        log("podpis", signature, True)

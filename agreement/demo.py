"""Demo content of the partnership: the agreement of 19 April 2018 with its ten signatures.

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

"""Demo meetings: the Rada's extraordinary meeting of 19 April 2018 and the first meeting of 6 June 2018.

Only what is known is stored: the dates (no times of day, so both are all-day
in calendars), the place name and gmina of the June venue, no address.
Participants are taken from institutions that already exist; none is created here.
The June meeting has its report, written from what was published about it on 14 June 2018.
"""

import datetime

from django.utils import timezone

from meetings.models import AgendaItem, Meeting, Report, Venue
from members.models import Gmina, Institution
from news.models import Post

FIRST_POST_SLUG = "partnerstwo-lokalne-w-powiecie-nowodworskim"

AGREEMENT_TITLE = (
    "Porozumienie o zawarciu Partnerstwa Lokalnego na rzecz ożywienia społeczno-gospodarczego "
    "i aktywizacji nowodworskiego rynku pracy"
)

# The institutions whose heads signed the agreement (FACTS.md).
SIGNATORY_INSTITUTIONS = [
    "Starostwo Powiatowe w Nowym Dworze Mazowieckim",
    "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim",
    "Gmina Miejska Nowy Dwór Mazowiecki",
    "Gmina Nasielsk",
    "Gmina Zakroczym",
    "Gmina Czosnów",
    "Gmina Leoncin",
    "Gmina Pomiechówek",
    "Powiatowa Rada Rynku Pracy",
]

RADA_DESCRIPTION = f"""
<p>Podczas Nadzwyczajnego Posiedzenia Powiatowej Rady Rynku Pracy podpisano „{AGREEMENT_TITLE}”. Z inicjatywą
porozumienia wyszli Dyrektor Powiatowego Urzędu Pracy w Nowym Dworze Mazowieckim i Starosta Nowodworski.</p>
<p>Porozumienie podpisali przedstawiciele starostwa, urzędu pracy, sześciu gmin powiatu oraz Przewodniczący
Powiatowej Rady Rynku Pracy wraz z członkami Rady. Sygnatariusze tworzą grupę liderów, która koordynuje
prace partnerstwa.</p>
"""

FIRST_MEETING_DESCRIPTION = """
<p>Pierwsze z zapowiadanego cyklu spotkań organizacyjno-integracyjnych poświęconych partnerstwu lokalnemu
w powiecie nowodworskim. Spotkanie odbyło się w rezydencji „Miętowe Wzgórza” w Trębkach Nowych
w gminie Zakroczym.</p>
"""

FIRST_MEETING_REPORT = """
<p>W spotkaniu w rezydencji „Miętowe Wzgórza” w Trębkach Nowych wzięło udział około 200 osób. Uczestnikom
przedstawiono diagnozę sytuacji społeczno-gospodarczej powiatu nowodworskiego.</p>
<p>Wystąpili: starosta nowodworski Magdalena Biernacka, dyrektor Wojewódzkiego Urzędu Pracy w Warszawie
Tomasz Sieradz, dyrektor Powiatowego Urzędu Pracy w Nowym Dworze Mazowieckim Marzena Boczek oraz Jadwiga
Olszowska-Urban. Po wystąpieniach odbył się warsztat dla uczestników.</p>
"""

# The report was published on 14 June 2018 (FACTS.md); the demo keeps that date.
FIRST_MEETING_REPORT_PUBLISHED = datetime.datetime(2018, 6, 14, 12, tzinfo=timezone.get_fixed_timezone(120))


def load(log):
    first_post = Post.objects.filter(slug=FIRST_POST_SLUG).first()

    rada, created = Meeting.objects.get_or_create(
        slug="nadzwyczajne-posiedzenie-powiatowej-rady-rynku-pracy-2018-04-19",
        defaults={
            "title": "Nadzwyczajne Posiedzenie Powiatowej Rady Rynku Pracy",
            "date": datetime.date(2018, 4, 19),
            "status": Meeting.Status.HELD,
            "description": RADA_DESCRIPTION,
        },
    )
    log("spotkanie", rada, created)
    if created:
        AgendaItem.objects.create(meeting=rada, position=1, title=f"Podpisanie dokumentu „{AGREEMENT_TITLE}”")
        rada.participants.set(Institution.objects.filter(name__in=SIGNATORY_INSTITUTIONS))
        if first_post:
            rada.related_posts.add(first_post)

    venue, created = Venue.objects.get_or_create(
        name="Rezydencja „Miętowe Wzgórza”",
        defaults={"address": "Trębki Nowe", "gmina": Gmina.ZAKROCZYM},
    )
    log("miejsce spotkań", venue, created)

    first, created = Meeting.objects.get_or_create(
        slug="pierwsze-spotkanie-organizacyjno-integracyjne-2018-06-06",
        defaults={
            "title": "Pierwsze spotkanie organizacyjno-integracyjne partnerstwa",
            "series": "Spotkania organizacyjno-integracyjne",
            "date": datetime.date(2018, 6, 6),
            "venue": venue,
            "status": Meeting.Status.HELD,
            "description": FIRST_MEETING_DESCRIPTION,
        },
    )
    log("spotkanie", first, created)
    if created and first_post:
        first.related_posts.add(first_post)

    report, created = Report.objects.get_or_create(
        meeting=first,
        defaults={
            "body": FIRST_MEETING_REPORT,
            "status": Report.Status.PUBLISHED,
            "published_at": FIRST_MEETING_REPORT_PUBLISHED,
        },
    )
    if created:
        # Seeding is not an edit: the report was last changed when it was published.
        Report.objects.filter(pk=report.pk).update(updated_at=FIRST_MEETING_REPORT_PUBLISHED)
    log("relacja", report, created)

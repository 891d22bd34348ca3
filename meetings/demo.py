"""Demo meetings: every dated event of the partnership's history (FACTS.md), each with a report
written from the facts its sources give.

Only what is known is stored: the dates (no times of day, so all are all-day in calendars),
venue names and gminas where the sources name them, no street addresses. A report is dated
as its source where one was published (the first meeting's, 14 June 2018; the forum's, 5 December
2024); the others are the portal's own accounts, published when the demo is loaded.
Participants are taken from institutions that already exist; none is created here.
"""

import datetime
import zoneinfo

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
<p>Podczas nadzwyczajnego posiedzenia Powiatowej Rady Rynku Pracy podpisano „{AGREEMENT_TITLE}”. Z inicjatywą
porozumienia wyszli dyrektor Powiatowego Urzędu Pracy w Nowym Dworze Mazowieckim i starosta nowodworski.</p>
<p>Porozumienie podpisali przedstawiciele starostwa, urzędu pracy, sześciu gmin powiatu oraz przewodniczący
Powiatowej Rady Rynku Pracy wraz z członkami Rady. Sygnatariusze tworzą grupę liderów, która koordynuje
prace partnerstwa.</p>
"""

FIRST_MEETING_DESCRIPTION = """
<p>Pierwsze z zapowiadanego cyklu spotkań organizacyjno-integracyjnych poświęconych partnerstwu lokalnemu
w powiecie nowodworskim, zarazem konferencja inaugurująca partnerstwo. Spotkanie odbyło się w rezydencji
„Miętowe Wzgórza” w Trębkach Nowych w gminie Zakroczym.</p>
"""

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")

RADA_REPORT = """
<p>Na nadzwyczajnym posiedzeniu Powiatowej Rady Rynku Pracy 19 kwietnia 2018 roku zawarto partnerstwo
lokalne. Porozumienie podpisali: starosta nowodworski i wicestarosta, dyrektor Powiatowego Urzędu Pracy,
burmistrzowie Nowego Dworu Mazowieckiego, Nasielska i Zakroczymia, wójtowie gmin Czosnów, Leoncin
i Pomiechówek oraz przewodniczący Powiatowej Rady Rynku Pracy wraz z członkami Rady.</p>
<p>Osoby, które złożyły podpisy, tworzą grupę liderów koordynującą prace partnerstwa. Pełną listę
sygnatariuszy podaje strona <a href="/porozumienie/">Porozumienie</a>.</p>
"""

# artixen.net report (14 June 2018); nowodworski.info „Takie spotkania są potrzebne” (15 June 2018)
FIRST_MEETING_REPORT = """
<p>W konferencji inaugurującej partnerstwo wzięło udział około 200 osób. Spotkanie zaczęło się od diagnozy
sytuacji społecznej i gospodarczej powiatu nowodworskiego: od niej partnerzy chcą wyjść, planując wspólne
działania.</p>
<p>Głos zabrali starosta nowodworski Magdalena Biernacka, dyrektor Wojewódzkiego Urzędu Pracy w Warszawie
Tomasz Sieradz, dyrektor Powiatowego Urzędu Pracy w Nowym Dworze Mazowieckim oraz Jadwiga
Olszowska-Urban. Po wystąpieniach uczestnicy pracowali w grupach warsztatowych.</p>
"""

# (slug, title, series, date, venue (name, address) or None, description, report, report published,
# participants) – FACTS.md, „The partnership's later history”; the source beside each.
LATER_MEETINGS = [
    (
        # artixen.net blog (September 2018)
        "warsztaty-partnerstwa-w-gminie-leoncin-2018-09-12",
        "Warsztaty partnerstwa lokalnego w gminie Leoncin",
        "",
        datetime.date(2018, 9, 12),
        None,
        "<p>Drugie warsztaty partnerstwa lokalnego, tym razem w gminie Leoncin: praca w grupach nad sprawami, "
        "które mieszkańcy i partnerzy uznali za najważniejsze dla powiatu.</p>",
        """
<p>W warsztatach w gminie Leoncin wzięło udział około 130 osób. Powiat reprezentował Wicestarosta
Paweł Calak.</p>
<p>Uczestnicy rozmawiali o:</p>
<ul>
<li>lokalnym rynku pracy i przedsiębiorczości,</li>
<li>turystyce,</li>
<li>wyjazdach młodych ludzi z powiatu,</li>
<li>szkołach i ochronie zdrowia,</li>
<li>kapitale ludzkim,</li>
<li>infrastrukturze,</li>
<li>organizacjach pozarządowych.</li>
</ul>
<p>Na zakończenie zapowiedziano, że kolejne spotkanie odbędzie się w gminie Pomiechówek.</p>
""",
        None,
        ["Starostwo Powiatowe w Nowym Dworze Mazowieckim"],
    ),
    (
        # nasielsk.pl „Konferencja Siła Partnerstwa…” (the year inferred)
        "gala-sila-partnerstwa-w-powiecie-nowodworskim-2018-12-12",
        "Gala „Siła Partnerstwa w powiecie nowodworskim”",
        "",
        datetime.date(2018, 12, 12),
        ("Hotel Royal", "Modlin"),
        "<p>Gala zamykająca pierwszy rok partnerstwa lokalnego: podsumowanie spotkań i warsztatów "
        "oraz przedstawienie pomysłów na wspólną pracę w kolejnych latach.</p>",
        """
<p>Galą „Siła Partnerstwa w powiecie nowodworskim” w Hotelu Royal w Modlinie partnerzy zamknęli cykl
spotkań 2018 roku. Przedstawiono projekty, nad którymi samorządy i instytucje chcą pracować razem
w latach 2018–2023:</p>
<ul>
<li>ścieżki rowerowe prowadzące przez każdą gminę powiatu,</li>
<li>platformę usług dla firm z powiatu,</li>
<li>nowoczesną szkołę,</li>
<li>zagospodarowanie brzegu Wisły w Leoncinie,</li>
<li>szlak „Szlakiem nasielskiego guzika”.</li>
</ul>
""",
        None,
        [],
    ),
    (
        # leoncin.pl „Jesień wiosenna” (November 2019)
        "warsztaty-podsumowujace-partnerstwo-miedzypowiatowe-2019-11-27",
        "Warsztaty podsumowujące partnerstwo międzypowiatowe",
        "Partnerstwo międzypowiatowe powiatów legionowskiego i nowodworskiego",
        datetime.date(2019, 11, 27),
        None,
        "<p>Ostatnie spotkanie cyklu partnerstwa międzypowiatowego powiatów legionowskiego i nowodworskiego: "
        "podsumowanie roku i plan na następny.</p>",
        """
<p>Na warsztatach zamykających cykl partnerstwa międzypowiatowego uczestnicy wybrali cztery priorytety
na 2020 rok:</p>
<ul>
<li>turystykę,</li>
<li>rzemiosło,</li>
<li>współpracę przedsiębiorców,</li>
<li>zatrudnianie cudzoziemców.</li>
</ul>
<p>Każdy priorytet ma swojego lidera, który koordynuje pracę nad nim.</p>
""",
        None,
        [],
    ),
    (
        # wupwarszawa.praca.gov.pl (2024)
        "konferencja-inaugurujaca-partnerstwo-na-rzecz-ekonomii-spolecznej-2024-10-08",
        "Konferencja inaugurująca partnerstwo na rzecz ekonomii społecznej",
        "Partnerstwo na rzecz rozwoju ekonomii społecznej",
        datetime.date(2024, 10, 8),
        None,
        "<p>Pierwsza konferencja partnerstwa lokalnego na rzecz rozwoju ekonomii społecznej w powiecie "
        "nowodworskim, zawartego porozumieniem z 18 września 2024 roku.</p>",
        """
<p>Konferencja otworzyła działalność partnerstwa na rzecz rozwoju ekonomii społecznej. Przyjechało na nią
blisko 150 osób. Uczestników powitała starosta nowodworski Magdalena Biernacka; w konferencji wziął
udział także dyrektor Wojewódzkiego Urzędu Pracy w Warszawie Tomasz Sieradz.</p>
<p>Porozumienie o zawarciu tego partnerstwa podpisali 18 września 2024 roku starosta nowodworski, dyrektor
Powiatowego Urzędu Pracy, burmistrzowie i wójtowie gmin powiatu oraz członkowie Powiatowej Rady Rynku
Pracy.</p>
""",
        None,
        ["Starostwo Powiatowe w Nowym Dworze Mazowieckim"],
    ),
    (
        # newsynowodworskie.pl (5 December 2024)
        "forum-partnerstwa-na-rzecz-ekonomii-spolecznej-2024-12-04",
        "Forum partnerstwa na rzecz ekonomii społecznej",
        "Partnerstwo na rzecz rozwoju ekonomii społecznej",
        datetime.date(2024, 12, 4),
        None,
        "<p>Forum partnerstwa na rzecz rozwoju ekonomii społecznej w Nowym Dworze Mazowieckim, w czasie "
        "powiatowych obchodów dni osób z niepełnosprawnościami.</p>",
        """
<p>W forum w Nowym Dworze Mazowieckim wzięło udział ponad 160 osób. Spotkanie było częścią powiatowych
obchodów dni osób z niepełnosprawnościami.</p>
<p>Wręczono nagrodę „Społecznik Roku Powiatu Nowodworskiego”. Otrzymała ją Marzena Dobraczyńska
ze Stowarzyszenia Enjoy Leoncin.</p>
""",
        datetime.datetime(2024, 12, 5, 10, 0, tzinfo=WARSAW),
        [],
    ),
]

# Posts of news.demo about a meeting: (meeting slug, post slug).
RELATED_POSTS = [
    ("pierwsze-spotkanie-organizacyjno-integracyjne-2018-06-06", "konferencja-inaugurujaca-partnerstwo-lokalne"),
    (
        "konferencja-inaugurujaca-partnerstwo-na-rzecz-ekonomii-spolecznej-2024-10-08",
        "forum-partnerstwa-na-rzecz-ekonomii-spolecznej",
    ),
    ("forum-partnerstwa-na-rzecz-ekonomii-spolecznej-2024-12-04", "forum-partnerstwa-na-rzecz-ekonomii-spolecznej"),
]


def _report(log, meeting, body, published_at=None):
    report, created = Report.objects.get_or_create(
        meeting=meeting,
        defaults={"body": body, "status": Report.Status.PUBLISHED, "published_at": published_at or timezone.now()},
    )
    if created:
        # Seeding is not an edit: the report was last changed when it was published.
        Report.objects.filter(pk=report.pk).update(updated_at=report.published_at)
    log("relacja", report, created)


def load(log):
    first_post = Post.objects.filter(slug=FIRST_POST_SLUG).first()

    rada, created = Meeting.objects.get_or_create(
        slug="nadzwyczajne-posiedzenie-powiatowej-rady-rynku-pracy-2018-04-19",
        defaults={
            "title": "Nadzwyczajne posiedzenie Powiatowej Rady Rynku Pracy",
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
        _report(log, rada, RADA_REPORT)

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
    first_created = created
    if created:
        if first_post:
            first.related_posts.add(first_post)
        # The Starosta and the PUP's director spoke.
        first.participants.set(
            Institution.objects.filter(
                name__in=[
                    "Starostwo Powiatowe w Nowym Dworze Mazowieckim",
                    "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim",
                ]
            )
        )
        _report(log, first, FIRST_MEETING_REPORT, datetime.datetime(2018, 6, 14, 10, 0, tzinfo=WARSAW))

    created_slugs = {first.slug} if first_created else set()
    for slug, title, series, date, place, description, report, reported_at, participants in LATER_MEETINGS:
        place_row = None
        if place:
            place_row, created = Venue.objects.get_or_create(name=place[0], defaults={"address": place[1]})
            log("miejsce spotkań", place_row, created)
        meeting, created = Meeting.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "series": series,
                "date": date,
                "venue": place_row,
                "status": Meeting.Status.HELD,
                "description": description,
            },
        )
        log("spotkanie", meeting, created)
        if created:
            created_slugs.add(slug)
            meeting.participants.set(Institution.objects.filter(name__in=participants))
            _report(log, meeting, report, reported_at)

    # Links to the posts about them, for the meetings made now (staff may have removed one since).
    for meeting_slug, post_slug in RELATED_POSTS:
        post = Post.objects.filter(slug=post_slug).first()
        if meeting_slug in created_slugs and post:
            Meeting.objects.get(slug=meeting_slug).related_posts.add(post)

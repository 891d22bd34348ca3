"""Demo news: the category „Wiadomości”, the partnership's first post (8 June 2018) and the posts
public sources published about its later events, each dated as its source (FACTS.md)."""

import datetime
import zoneinfo

from news.models import Category, Post

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")

FIRST_POST_LEAD = (
    "Samorządy powiatu nowodworskiego, urząd pracy i Powiatowa Rada Rynku Pracy zawiązały partnerstwo lokalne. "
    "Wyjaśniamy, czym jest taka współpraca, czemu służy i jak do niej doszło."
)

FIRST_POST_BODY = """
<h2>Czym jest partnerstwo lokalne</h2>
<p>Partnerstwo lokalne to dobrowolne porozumienie instytucji, samorządów, firm i organizacji z jednego terenu,
które chcą wspólnie rozwiązywać problemy swojej okolicy. Partnerzy dzielą się zadaniami i zasobami, razem
podejmują decyzje i biorą za nie wspólną odpowiedzialność.</p>

<h2>Po co się je zawiera</h2>
<p>Dobrze zorganizowane partnerstwo pomaga:</p>
<ul>
<li>zintegrować lokalną społeczność wokół wspólnych spraw,</li>
<li>poprawić sytuację na rynku pracy,</li>
<li>rozwijać dialog społeczny,</li>
<li>obniżyć koszty działań, które partnerzy prowadzą osobno,</li>
<li>ożywić lokalną gospodarkę i wzmocnić konkurencyjność firm,</li>
<li>szybciej reagować na problemy mieszkańców.</li>
</ul>
<p>Służą temu rozsądny podział zasobów i obowiązków, wspólne decyzje, przejrzyste struktury, koordynacja bez
dublowania tych samych zadań oraz korzystanie z dostępnych narzędzi i funduszy.</p>

<h2>Kto może w nim uczestniczyć</h2>
<ul>
<li>samorządy i pracownicy administracji publicznej,</li>
<li>instytucje rynku pracy, na przykład agencje zatrudnienia,</li>
<li>pracodawcy, zarządy spółek i przedsiębiorcy prywatni,</li>
<li>izby gospodarcze i związki zawodowe,</li>
<li>ośrodki szkoleniowe,</li>
<li>organizacje pozarządowe (stowarzyszenia, fundacje) oraz spółdzielnie socjalne.</li>
</ul>

<h2>Zasady współpracy</h2>
<ul>
<li>rozliczalność i sprawozdawczość – informacja płynie w obie strony,</li>
<li>otwartość na wszystkie grupy społeczne, bez żadnej dyskryminacji,</li>
<li>działanie zgodne z prawem,</li>
<li>dobrowolny udział,</li>
<li>praca na rzecz partnerstwa bez wynagrodzenia.</li>
</ul>

<h2>Rodzaje partnerstw</h2>
<ul>
<li><strong>publiczno-prywatne</strong> – umowa, na podstawie której partner prywatny wykonuje zadanie sektora publicznego,</li>
<li><strong>projektowe</strong> – cele wyznacza projekt i zasady konkursu, w którym zdobyto na niego środki,</li>
<li><strong>sektorowe</strong> – łączy organizacje o podobnym profilu działania,</li>
<li><strong>lokalne (trójsektorowe)</strong> – skupia instytucje działające na rzecz lokalnej społeczności.</li>
</ul>

<h2>Partnerstwo w powiecie nowodworskim</h2>
<p>Z inicjatywą wyszli dyrektor Powiatowego Urzędu Pracy w Nowym Dworze Mazowieckim i starosta nowodworski.
19 kwietnia 2018 roku, podczas nadzwyczajnego posiedzenia Powiatowej Rady Rynku Pracy, podpisano
„Porozumienie o zawarciu Partnerstwa Lokalnego na rzecz ożywienia społeczno-gospodarczego i aktywizacji
nowodworskiego rynku pracy”.</p>
<p>Porozumienie podpisali:</p>
<ul>
<li>Starosta Nowodworski Magdalena Biernacka i Wicestarosta Paweł Calak,</li>
<li>Dyrektor Powiatowego Urzędu Pracy Marzena Boczek,</li>
<li>Burmistrz Nowego Dworu Mazowieckiego Jacek Kowalski,</li>
<li>Burmistrz Nasielska Bogdan Ruszkowski,</li>
<li>Burmistrz Zakroczymia Artur Ciecierski,</li>
<li>Wójt Gminy Czosnów Antoni Kręźlewicz,</li>
<li>Wójt Gminy Leoncin Adam Mirosław Krawczak,</li>
<li>Wójt Gminy Pomiechówek Dariusz Tomasz Bielecki,</li>
<li>Przewodniczący Powiatowej Rady Rynku Pracy Krystian Buszta wraz z członkami Rady.</li>
</ul>
<p>Sygnatariusze tworzą grupę liderów, która koordynuje prace partnerstwa. Pierwsze z zapowiadanego cyklu
spotkań organizacyjno-integracyjnych odbyło się 6 czerwca 2018 roku w rezydencji „Miętowe Wzgórza”
w Trębkach Nowych w gminie Zakroczym. Jego przebieg opisuje
<a href="/spotkania/pierwsze-spotkanie-organizacyjno-integracyjne-2018-06-06/">relacja ze spotkania</a>.</p>
"""


# (slug, title, lead, body, published: the date of the source that reported it)
LATER_POSTS = [
    (
        # artixen.net report (14 June 2018); nowodworski.info „Takie spotkania są potrzebne” (15 June 2018)
        "konferencja-inaugurujaca-partnerstwo-lokalne",
        "Konferencja inaugurująca partnerstwo lokalne",
        "Około 200 osób przyjechało 6 czerwca 2018 roku do Trębek Nowych na pierwsze spotkanie partnerstwa. "
        "Rozmawiano o tym, jak wygląda dziś sytuacja społeczna i gospodarcza powiatu nowodworskiego.",
        """
<p>Pierwsze spotkanie organizacyjno-integracyjne partnerstwa lokalnego odbyło się 6 czerwca 2018 roku
w rezydencji „Miętowe Wzgórza” w Trębkach Nowych w gminie Zakroczym. Wzięło w nim udział około 200 osób:
przedstawiciele samorządów, urzędów, pracodawców i organizacji z całego powiatu.</p>
<h2>Diagnoza na początek</h2>
<p>Punktem wyjścia była diagnoza sytuacji społecznej i gospodarczej powiatu nowodworskiego. Partnerzy chcą
wiedzieć, z czym mierzą się mieszkańcy i pracodawcy, zanim wspólnie zaplanują działania.</p>
<h2>Kto zabrał głos</h2>
<ul>
<li>Starosta Nowodworski Magdalena Biernacka,</li>
<li>Tomasz Sieradz, dyrektor Wojewódzkiego Urzędu Pracy w Warszawie,</li>
<li>dyrektor Powiatowego Urzędu Pracy w Nowym Dworze Mazowieckim,</li>
<li>Jadwiga Olszowska-Urban.</li>
</ul>
<p>Po wystąpieniach uczestnicy pracowali w grupach warsztatowych.</p>
""",
        datetime.datetime(2018, 6, 14, 10, 0, tzinfo=WARSAW),
    ),
    (
        # powiat-legionowski.pl „Inauguracja partnerstwa międzypowiatowego” (11 April 2019)
        "partnerstwo-miedzypowiatowe-powiatow-legionowskiego-i-nowodworskiego",
        "Powiaty legionowski i nowodworski zawiązały partnerstwo międzypowiatowe",
        "Samorządy i urzędy pracy dwóch sąsiednich powiatów będą działać razem na rzecz rynku pracy. "
        "Inauguracja zgromadziła około 250 osób.",
        """
<p>Powiat legionowski i powiat nowodworski zainaugurowały partnerstwo międzypowiatowe. Organizatorzy
przedstawili je jako pierwsze takie partnerstwo na Mazowszu. W inauguracji wzięło udział około 250 osób.</p>
<p>Porozumienie podpisali starostowie obu powiatów, burmistrzowie i wójtowie gmin oraz dyrektorzy obu
powiatowych urzędów pracy.</p>
<h2>Co dalej</h2>
<p>Partnerstwo zaplanowało cykl czterech spotkań. Następne zapowiedziano na 5 czerwca 2019 roku
w powiecie nowodworskim.</p>
""",
        datetime.datetime(2019, 4, 11, 10, 0, tzinfo=WARSAW),
    ),
    (
        # newsynowodworskie.pl (5 December 2024)
        "forum-partnerstwa-na-rzecz-ekonomii-spolecznej",
        "Forum partnerstwa na rzecz ekonomii społecznej",
        "Ponad 160 osób wzięło udział w forum, które 4 grudnia 2024 roku zorganizowano w Nowym Dworze "
        "Mazowieckim. Wręczono nagrodę „Społecznik Roku Powiatu Nowodworskiego”.",
        """
<p>Partnerstwo lokalne na rzecz rozwoju ekonomii społecznej w powiecie nowodworskim spotkało się
4 grudnia 2024 roku w Nowym Dworze Mazowieckim. Forum odbyło się w czasie powiatowych obchodów dni osób
z niepełnosprawnościami i zgromadziło ponad 160 uczestników.</p>
<p>Partnerstwo działa na podstawie porozumienia podpisanego 18 września 2024 roku przez Starostę
Nowodworskiego, dyrektora Powiatowego Urzędu Pracy, burmistrzów i wójtów gmin powiatu oraz członków
Powiatowej Rady Rynku Pracy.</p>
<h2>Społecznik Roku</h2>
<p>Podczas forum wręczono nagrodę „Społecznik Roku Powiatu Nowodworskiego”. Otrzymała ją Marzena
Dobraczyńska ze Stowarzyszenia Enjoy Leoncin.</p>
""",
        datetime.datetime(2024, 12, 5, 10, 0, tzinfo=WARSAW),
    ),
]


def load(log):
    # Earlier demo data called it „Newsy” (an anglicism; docs/styl-tekstow.md): renamed in place.
    Category.objects.filter(slug="newsy", name="Newsy").exclude(
        pk__in=Category.objects.filter(slug="wiadomosci").values("pk")
    ).update(name="Wiadomości", slug="wiadomosci")
    category, created = Category.objects.get_or_create(slug="wiadomosci", defaults={"name": "Wiadomości"})
    log("kategoria", category, created)
    post, created = Post.objects.get_or_create(
        slug="partnerstwo-lokalne-w-powiecie-nowodworskim",
        defaults={
            "title": "Partnerstwo lokalne w powiecie nowodworskim",
            "lead": FIRST_POST_LEAD,
            "body": FIRST_POST_BODY,
            "category": category,
            "status": Post.Status.PUBLISHED,
            "published_at": datetime.datetime(2018, 6, 8, 10, 0, tzinfo=WARSAW),
        },
    )
    log("wpis", post, created)
    for slug, title, lead, body, published_at in LATER_POSTS:
        post, created = Post.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title,
                "lead": lead,
                "body": body,
                "category": category,
                "status": Post.Status.PUBLISHED,
                "published_at": published_at,
            },
        )
        log("wpis", post, created)

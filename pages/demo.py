"""Demo content of the site frame: the privacy policy, the five pages „O partnerstwie”,
the coordinator row (with the home page's introduction and blocks), the main menu and the
accessibility statement, the information about the activity in easy-to-read and machine-readable
text (no recording in Polish Sign Language: only staff can make one)."""

from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Min
from django.utils import timezone

from pages.frame import DEFAULT_MENU
from pages.models import AccessibilityStatement, ActivityInformation, Coordinator, HomeBlock, MenuItem, Page

PRIVACY_POLICY = """
<p>Ta strona wyjaśnia, jakie dane osobowe zbiera portal Partnerstwa Lokalnego Powiatu Nowodworskiego,
po co je zbiera, jak długo je przechowuje i jakie prawa przysługują osobom, których dane dotyczą.</p>

<h2>Administrator danych</h2>
<p>Administratorem danych osobowych zbieranych przez portal jest Powiatowy Urząd Pracy w Nowym Dworze
Mazowieckim, koordynator Partnerstwa Lokalnego. Dane kontaktowe administratora i inspektora ochrony danych
podaje sekcja „Kontakt w sprawach danych osobowych” na końcu tej strony.</p>

<h2>Jakie dane zbieramy i po co</h2>
<ul>
<li><strong>Newsletter</strong> – adres e-mail i zakres powiadomień, żeby wysyłać zamówione informacje
(podstawa: zgoda, art. 6 ust. 1 lit. a RODO). Zgodę można wycofać w każdej chwili linkiem z każdej wiadomości.</li>
<li><strong>Konto czytelnika</strong> – adres e-mail i hasło (przechowywane wyłącznie w postaci skrótu), żeby umożliwić
komentowanie i ocenianie wpisów (podstawa: umowa o świadczenie usługi drogą elektroniczną, art. 6 ust. 1 lit. b RODO).</li>
<li><strong>Komentarze i oceny</strong> – ich treść i data, powiązane z kontem.</li>
<li><strong>Zgłoszenia przystąpienia do partnerstwa</strong> – dane instytucji i osoby kontaktowej, żeby rozpatrzyć
zgłoszenie i odpowiedzieć (podstawa: zgoda wyrażona w formularzu, art. 6 ust. 1 lit. a RODO).</li>
<li><strong>Zgłoszenia problemów z dostępnością</strong> – imię i nazwisko, adres e-mail i nieobowiązkowo telefon, żeby
rozpatrzyć żądanie zapewnienia dostępności cyfrowej i odpowiedzieć (podstawa: art. 6 ust. 1 lit. c RODO w związku
z art. 18 ustawy z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych
podmiotów publicznych).</li>
<li><strong>Adres IP</strong> – przy wysyłaniu formularzy i logowaniu, żeby ograniczyć liczbę prób z jednego adresu
i chronić portal przed nadużyciami; szczegóły podaje sekcja „Adresy IP i usuwanie danych” na końcu tej strony.</li>
</ul>

<h2>Jak długo przechowujemy dane</h2>
<ul>
<li>Dane subskrybenta newslettera – do wycofania zgody; zapis o udzieleniu i wycofaniu zgody przechowujemy tak długo,
jak jest potrzebny do wykazania, że wysyłka była zgodna z prawem.</li>
<li>Konto czytelnika – do jego usunięcia. Usunięcie konta usuwa także komentarze i oceny jego właściciela.</li>
<li>Zgłoszenia przystąpienia i zgłoszenia problemów z dostępnością – przez czas potrzebny do ich rozpatrzenia,
a potem przez okres podany na końcu tej strony.</li>
</ul>

<h2>Pliki cookie</h2>
<p>Portal zapisuje w przeglądarce wyłącznie niezbędne pliki cookie, bez których nie działałyby jego funkcje.
Dlatego nie prosi o zgodę na ich użycie i nie wyświetla planszy z informacją o nich. Są to:</p>
<ul>
<li><code>csrftoken</code> – zabezpiecza formularze przed wysłaniem ich przez inną stronę; przechowywany do roku,</li>
<li><code>sessionid</code> – utrzymuje zalogowanie do konta czytelnika; usuwany po wylogowaniu albo po dwóch tygodniach,</li>
<li><code>messages</code> – przenosi krótki komunikat, np. potwierdzenie zapisu, na następną stronę; usuwany zaraz po jego wyświetleniu,</li>
<li><code>ocena</code> – losowy identyfikator przeglądarki, dzięki któremu ocenę wpisu oddaną bez logowania można
zmienić zamiast oddawać drugą; przechowywany do dwóch lat.</li>
</ul>
<p>Portal nie używa plików cookie reklamowych ani analitycznych i nie pobiera niczego z serwisów zewnętrznych,
które mogłyby śledzić odwiedzających. Pliki cookie można usunąć albo zablokować w ustawieniach przeglądarki;
bez nich nie zadziałają jednak formularze ani logowanie.</p>

<h2>Prawa osób, których dane dotyczą</h2>
<p>Każda osoba, której dane dotyczą, ma prawo dostępu do nich, ich sprostowania, usunięcia lub ograniczenia
przetwarzania, prawo do przenoszenia danych, prawo sprzeciwu oraz prawo do wycofania zgody w dowolnym momencie (bez
wpływu na zgodność z prawem przetwarzania przed jej wycofaniem). Przysługuje jej także prawo wniesienia skargi do
Prezesa Urzędu Ochrony Danych Osobowych.</p>

<h2>Odbiorcy danych</h2>
<p>Dane nie są przekazywane do państw trzecich ani wykorzystywane do profilowania. Dostęp do nich mają wyłącznie
upoważnieni pracownicy administratora oraz podmioty zapewniające działanie serwera i poczty elektronicznej.</p>
"""


PARTNERSHIP_PAGES = [
    (
        "czym-jest-partnerstwo-lokalne",
        "Czym jest partnerstwo lokalne",
        """
<p>Partnerstwo lokalne to współpraca instytucji publicznych, firm i organizacji społecznych z jednego terenu,
które łączą siły, żeby razem zajmować się sprawami ważnymi dla mieszkańców. Nikt nie jest do niego zmuszany:
partnerzy przystępują z własnej woli i sami ustalają, nad czym chcą pracować.</p>
<p>W takiej współpracy każdy partner wnosi to, co ma najlepszego – wiedzę, kontakty, ludzi lub środki –
a decyzje zapadają wspólnie. Dzięki temu zadania nie są wykonywane dwa razy, a pomysły, na które jednej
instytucji brakowałoby sił, stają się wykonalne.</p>
<h2>Partnerstwo w powiecie nowodworskim</h2>
<p>Inicjatorami partnerstwa byli dyrektor Powiatowego Urzędu Pracy w Nowym Dworze Mazowieckim i starosta
nowodworski. Porozumienie o jego zawarciu podpisano 19 kwietnia 2018 roku w czasie nadzwyczajnego posiedzenia
Powiatowej Rady Rynku Pracy. Jego celem jest ożywienie społeczno-gospodarcze i aktywizacja nowodworskiego
rynku pracy.</p>
<p>Osoby, które złożyły podpisy pod porozumieniem, tworzą grupę liderów koordynującą działania partnerstwa.
Ich pełną listę zawiera strona <a href="/porozumienie/">Porozumienie</a>.</p>
""",
    ),
    (
        "cele-partnerstwa",
        "Cele partnerstwa",
        """
<p>Partnerzy spotykają się po to, żeby osiągnąć razem więcej, niż każdy z nich zdołałby osobno.
Partnerstwo lokalne ma przede wszystkim:</p>
<ul>
<li>zbliżać do siebie mieszkańców, instytucje i firmy, czyli integrować lokalną społeczność,</li>
<li>poprawiać sytuację na lokalnym rynku pracy,</li>
<li>wzmacniać dialog społeczny między samorządami, pracodawcami i organizacjami,</li>
<li>zmniejszać koszty działań dzięki ich wspólnemu planowaniu,</li>
<li>pobudzać miejscową gospodarkę,</li>
<li>zwiększać konkurencyjność działających tu przedsiębiorstw,</li>
<li>pozwalać szybko reagować na problemy, które pojawiają się na miejscu.</li>
</ul>
<h2>Jak partnerzy chcą to osiągnąć</h2>
<ul>
<li>rozsądnie rozdzielając dostępne zasoby,</li>
<li>dzieląc się obowiązkami,</li>
<li>podejmując decyzje wspólnie,</li>
<li>tworząc jasną, zrozumiałą dla wszystkich strukturę współpracy,</li>
<li>koordynując działania tak, by żadna funkcja nie była wykonywana podwójnie,</li>
<li>korzystając z narzędzi i funduszy, które są do dyspozycji partnerów.</li>
</ul>
""",
    ),
    (
        "podmioty-partnerstwa",
        "Kto tworzy partnerstwo",
        """
<p>Partnerstwo jest otwarte dla wszystkich, którzy działają na rzecz lokalnego rynku pracy i rozwoju okolicy.
Mogą je tworzyć w szczególności:</p>
<ul>
<li>jednostki samorządu terytorialnego,</li>
<li>pracownicy administracji publicznej,</li>
<li>instytucje rynku pracy, takie jak agencje zatrudnienia,</li>
<li>pracodawcy, przedsiębiorcy prywatni i zarządy spółek,</li>
<li>izby gospodarcze,</li>
<li>związki zawodowe,</li>
<li>ośrodki i instytucje szkoleniowe,</li>
<li>organizacje pozarządowe (stowarzyszenia, fundacje) oraz spółdzielnie socjalne.</li>
</ul>
<p>Instytucje, które już należą do partnerstwa w powiecie nowodworskim, przedstawia strona
<a href="/partnerzy/">Partnerzy</a>. Jeśli Twoja instytucja chce dołączyć, wypełnij formularz
<a href="/partnerzy/przystap/">Przystąp do partnerstwa</a>.</p>
""",
    ),
    (
        "zasady-partnerstwa",
        "Zasady partnerstwa",
        """
<p>Współpraca partnerów opiera się na kilku prostych regułach, które obowiązują wszystkich jednakowo:</p>
<ul>
<li><strong>Rozliczalność i sprawozdawczość</strong> – partnerzy informują się nawzajem o tym, co zrobili,
a informacja płynie w obu kierunkach.</li>
<li><strong>Otwartość</strong> – do partnerstwa może dołączyć każda grupa społeczna; nikt nie jest dyskryminowany.</li>
<li><strong>Legalność</strong> – wszystkie działania są zgodne z obowiązującym prawem.</li>
<li><strong>Dobrowolność</strong> – udział w partnerstwie wynika z decyzji każdego partnera.</li>
<li><strong>Nieodpłatność</strong> – partnerzy pracują na rzecz partnerstwa bez wynagrodzenia.</li>
</ul>
""",
    ),
    (
        "rodzaje-partnerstw",
        "Rodzaje partnerstw",
        """
<p>Słowo „partnerstwo” opisuje różne formy współpracy. Najczęściej wyróżnia się cztery z nich:</p>
<ul>
<li><strong>Partnerstwo publiczno-prywatne</strong> – opiera się na umowie, w której partner prywatny realizuje
zadanie należące do sektora publicznego.</li>
<li><strong>Partnerstwo projektowe</strong> – jego cele wynikają z konkretnego projektu i z zasad konkursu,
w którym przyznano na ten projekt pieniądze.</li>
<li><strong>Partnerstwo sektorowe</strong> – zrzesza organizacje o zbliżonym profilu działalności.</li>
<li><strong>Partnerstwo lokalne, nazywane też trójsektorowym</strong> – łączy instytucje publiczne, biznes
i organizacje społeczne, które działają na rzecz lokalnej społeczności.</li>
</ul>
<p>Partnerstwo zawarte w powiecie nowodworskim jest partnerstwem lokalnym.</p>
""",
    ),
]


def _page(log, slug, **fields):
    # Found by slug wherever staff may have moved it in the tree; never changed once there.
    if not Page.objects.filter(slug=slug).exists():
        log("strona", Page.objects.create(slug=slug, **fields), True)


def load(log):
    _page(log, "polityka-prywatnosci", title="Polityka prywatności", body=PRIVACY_POLICY)
    for position, (slug, title, body) in enumerate(PARTNERSHIP_PAGES, start=1):
        _page(log, slug, title=title, body=body, section=Page.Section.PARTNERSHIP, position=position * 10)
    if not Coordinator.objects.exists():
        # Only the name is a known fact; staff fill in the address and contacts. The home
        # page's heading and introduction are the model's defaults (today's home page).
        log("dane koordynatora", Coordinator.objects.create(), True)
    HomeBlock.ensure_for(Coordinator.objects.get(pk=1))
    if not MenuItem.objects.exists():
        # Today's main menu; staff reorder, rename and add to it in the admin.
        for position, (label, section) in enumerate(DEFAULT_MENU, start=1):
            log("pozycja menu", MenuItem.objects.create(label=label, section=section, position=position * 10), True)

    statement, created = AccessibilityStatement.objects.get_or_create(
        pk=1,
        defaults={
            # Known gaps of this portal, honestly: the editor lets staff skip these.
            "status": AccessibilityStatement.Status.PARTIAL,
            "non_compliances": NON_COMPLIANCES,
            "assessment": ASSESSMENT,
            # Prepared now, by this command; the site's last update, the contact person and the
            # building description are facts only the PUP knows: staff fill them in.
            "prepared_on": timezone.localdate(),
            # The demo portal went public when its database was made (its first migration);
            # the field's help text tells staff to put the real day before going public.
            "published_on": _database_created_on(),
        },
    )
    log("deklaracja dostępności", statement, created)
    info, created = ActivityInformation.objects.get_or_create(
        pk=1, defaults={"easy_to_read": EASY_TO_READ, "text": ACTIVITY_TEXT}
    )
    log("informacja o działalności", info, created)


def _database_created_on():
    first = MigrationRecorder.Migration.objects.aggregate(at=Min("applied"))["at"]
    return timezone.localdate(first) if first else timezone.localdate()


# Written from the facts in ../shared/reference/FACTS.md (the 2018 agreement and its signatories,
# the goals and principles, the 2024 agreement, the powiat's six gminas), by the rules of
# easy-to-read text: the content check of the admin finds nothing to correct in it.
EASY_TO_READ = """<h2>Co to jest partnerstwo?</h2>
<p>Partnerstwo to współpraca.</p>
<p>W partnerstwie różne urzędy i grupy ludzi pracują razem.</p>
<p>Razem łatwiej rozwiązać trudne sprawy.</p>
<h2>Gdzie działa nasze partnerstwo?</h2>
<p>Nasze partnerstwo działa w powiecie nowodworskim.</p>
<p>Powiat to kilka gmin, które leżą blisko siebie.</p>
<p>W powiecie nowodworskim jest 6 gmin:</p>
<ul>
<li>Nowy Dwór Mazowiecki,</li>
<li>Nasielsk,</li>
<li>Zakroczym,</li>
<li>Czosnów,</li>
<li>Leoncin,</li>
<li>Pomiechówek.</li>
</ul>
<h2>Kto jest w partnerstwie?</h2>
<p>W partnerstwie są:</p>
<ul>
<li>starostwo powiatowe,</li>
<li>urzędy gmin,</li>
<li>Powiatowy Urząd Pracy,</li>
<li>Powiatowa Rada Rynku Pracy.</li>
</ul>
<p>Powiatowy Urząd Pracy pomaga ludziom znaleźć pracę.</p>
<p>W skrócie mówimy na niego: PUP.</p>
<p>PUP prowadzi sprawy partnerstwa.</p>
<h2>Po co jest partnerstwo?</h2>
<p>Partnerstwo chce, żeby w powiecie było więcej pracy.</p>
<p>Chce też, żeby firmy w powiecie dobrze działały.</p>
<p>Partnerstwo pomaga szybko rozwiązywać sprawy mieszkańców.</p>
<h2>Jak działa partnerstwo?</h2>
<p>Partnerzy spotykają się i rozmawiają.</p>
<p>Razem podejmują decyzje.</p>
<p>Każdy partner ma swoje zadania.</p>
<p>Partnerzy mówią sobie nawzajem, co zrobili.</p>
<p>Partnerstwo jest otwarte dla każdego.</p>
<p>Każdy partner sam decyduje, czy chce być w partnerstwie.</p>
<p>Nikt nie dostaje pieniędzy za pracę w partnerstwie.</p>
<h2>Od kiedy działa partnerstwo?</h2>
<p>Partnerstwo powstało 19 kwietnia 2018 roku.</p>
<p>Tego dnia partnerzy podpisali porozumienie.</p>
<p>Porozumienie to umowa o współpracy.</p>
<p>18 września 2024 roku partnerzy podpisali drugie porozumienie.</p>
<p>Drugie porozumienie dotyczy ekonomii społecznej.</p>
<p>Ekonomia społeczna to firmy i grupy, które pomagają ludziom.</p>
<p>Na przykład dają pracę osobom, którym trudno ją znaleźć.</p>
<h2>Masz pytanie?</h2>
<p>Dane do kontaktu są na stronie <a href="/kontakt/">Kontakt</a>.</p>
"""

ACTIVITY_TEXT = """Partnerstwo Lokalne na rzecz ożywienia społeczno-gospodarczego i aktywizacji nowodworskiego \
rynku pracy łączy samorządy powiatu nowodworskiego (województwo mazowieckie), Powiatowy Urząd Pracy \
w Nowym Dworze Mazowieckim i Powiatową Radę Rynku Pracy. Koordynatorem partnerstwa jest Powiatowy \
Urząd Pracy.

Porozumienie o zawarciu partnerstwa podpisano 19 kwietnia 2018 r. na nadzwyczajnym posiedzeniu \
Powiatowej Rady Rynku Pracy. Partnerstwo zainicjowały Powiatowy Urząd Pracy i Starostwo Powiatowe \
w Nowym Dworze Mazowieckim. Porozumienie podpisali: starosta nowodworski i wicestarosta, dyrektor \
Powiatowego Urzędu Pracy, burmistrzowie Nowego Dworu Mazowieckiego, Nasielska i Zakroczymia, wójtowie \
gmin Czosnów, Leoncin i Pomiechówek oraz przewodniczący Powiatowej Rady Rynku Pracy.

Cele partnerstwa to integracja lokalnej społeczności, lepszy rynek pracy, dialog społeczny, niższe \
koszty wspólnych działań, ożywienie lokalnej gospodarki, większa konkurencyjność firm i szybkie \
rozwiązywanie lokalnych problemów. Służą temu: dobry podział zasobów i obowiązków, wspólne decyzje, \
przejrzyste struktury, koordynacja bez powielania zadań oraz korzystanie z dostępnych narzędzi i funduszy.

Partnerstwo działa według zasad: odpowiedzialności i sprawozdawczości (informacja płynie w obie \
strony), otwartości na każdą grupę społeczną bez dyskryminacji, zgodności z prawem, dobrowolnego \
udziału i nieodpłatnej pracy.

18 września 2024 r. zawarto drugie porozumienie: o zawarciu Partnerstwa Lokalnego na rzecz rozwoju \
ekonomii społecznej w powiecie nowodworskim. Podpisali je starosta, dyrektor Powiatowego Urzędu \
Pracy, burmistrzowie i wójtowie gmin oraz członkowie Powiatowej Rady Rynku Pracy.

Powiat nowodworski tworzy sześć gmin: miejska gmina Nowy Dwór Mazowiecki, miejsko-wiejskie gminy \
Nasielsk i Zakroczym oraz wiejskie gminy Czosnów, Leoncin i Pomiechówek. Siedzibą powiatu jest \
Nowy Dwór Mazowiecki.
"""


NON_COMPLIANCES = """Część dokumentów do pobrania w formacie PDF może nie być w pełni dostępna (np. skany bez warstwy tekstowej albo pliki bez znaczników struktury). Przy każdym takim dokumencie portal informuje, czego mu brakuje; na prośbę udostępnimy jego dostępną wersję.
Tabele wstawiane w edytorze treści mogą nie mieć oznaczonych komórek nagłówkowych."""

ASSESSMENT = """Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.
Każdy rodzaj strony portalu jest sprawdzany automatycznym narzędziem do badania dostępności (kryteria WCAG 2.1 na poziomach A i AA) oraz testami w przeglądarce: obsługi z klawiatury, widoczności zaznaczenia (fokusu), działania przy szerokości ekranu 320 pikseli i przy powiększeniu tekstu do 200%. Portal nie był jeszcze badany przez audytora zewnętrznego ani z udziałem osób korzystających z technologii wspomagających."""

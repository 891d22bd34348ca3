"""Demo content of the site frame: the privacy policy, the five pages „O partnerstwie”,
the coordinator row (with the home page's introduction and blocks), the main menu and the
accessibility statement."""

from django.utils import timezone

from pages.frame import DEFAULT_MENU
from pages.models import AccessibilityStatement, Coordinator, HomeBlock, MenuItem, Page

PRIVACY_POLICY = """
<p>Ta strona wyjaśnia, jakie dane osobowe zbiera portal Partnerstwa Lokalnego Powiatu Nowodworskiego,
po co je zbiera, jak długo je przechowuje i jakie prawa przysługują osobom, których dane dotyczą.</p>

<h2>Administrator danych</h2>
<p>Administratorem danych osobowych zbieranych przez portal jest Powiatowy Urząd Pracy w Nowym Dworze
Mazowieckim, koordynator Partnerstwa Lokalnego. Dane kontaktowe administratora podajemy w stopce każdej strony.</p>

<h2>Jakie dane zbieramy i po co</h2>
<ul>
<li><strong>Newsletter</strong> – adres e-mail i zakres powiadomień, żeby wysyłać informacje, o które prosisz
(podstawa: Twoja zgoda, art. 6 ust. 1 lit. a RODO). Zgodę możesz wycofać w każdej chwili linkiem z każdej wiadomości.</li>
<li><strong>Konto czytelnika</strong> – adres e-mail i hasło (przechowywane wyłącznie w postaci skrótu), żeby umożliwić
komentowanie i ocenianie wpisów (podstawa: umowa o świadczenie usługi drogą elektroniczną, art. 6 ust. 1 lit. b RODO).</li>
<li><strong>Komentarze i oceny</strong> – ich treść i data, powiązane z kontem.</li>
<li><strong>Zgłoszenia przystąpienia do partnerstwa</strong> – dane instytucji i osoby kontaktowej, żeby rozpatrzyć
zgłoszenie i odpowiedzieć (podstawa: Twoja zgoda).</li>
</ul>

<h2>Jak długo przechowujemy dane</h2>
<ul>
<li>Dane subskrybenta newslettera – do wycofania zgody; zapis o udzieleniu i wycofaniu zgody przechowujemy tak długo,
jak jest potrzebny do wykazania, że wysyłka była zgodna z prawem.</li>
<li>Konto czytelnika – do jego usunięcia. Usunięcie konta usuwa także komentarze i oceny jego właściciela.</li>
<li>Zgłoszenia przystąpienia – przez czas potrzebny do ich rozpatrzenia i udokumentowania działań partnerstwa.</li>
</ul>

<h2>Pliki cookie</h2>
<p>Portal używa wyłącznie niezbędnych plików cookie: zabezpieczenia formularzy przed nadużyciami (<code>csrftoken</code>),
sesji zalogowanego użytkownika (<code>sessionid</code>), zapamiętania oceny wpisu oddanej bez logowania
(<code>ocena</code>, losowy identyfikator przeglądarki, który pozwala zmienić ocenę zamiast oddać drugą) oraz zapamiętania, że informacja o plikach
cookie została przeczytana (<code>cookie_notice</code>). Nie używamy plików cookie reklamowych ani analitycznych i nie korzystamy
z usług zewnętrznych, które mogłyby śledzić odwiedzających.</p>

<h2>Twoje prawa</h2>
<p>Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia lub ograniczenia przetwarzania, prawo do
przenoszenia danych, prawo sprzeciwu oraz prawo do wycofania zgody w dowolnym momencie (bez wpływu na zgodność
z prawem przetwarzania przed jej wycofaniem). Przysługuje Ci także skarga do Prezesa Urzędu Ochrony Danych Osobowych.</p>

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
które łączą siły, żeby razem zajmować się sprawami ważnymi dla mieszkańców. Nikt nie zostaje do niego zmuszony:
partnerzy przystępują do niego z własnej woli i sami ustalają, nad czym chcą pracować.</p>
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
<li>organizacje pozarządowe – stowarzyszenia, spółdzielnie i inne organizacje społeczne.</li>
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
            # Prepared now, by this command; the site's publication dates, the contact person
            # and the building description are facts only the PUP knows: staff fill them in.
            "prepared_on": timezone.localdate(),
        },
    )
    log("deklaracja dostępności", statement, created)


NON_COMPLIANCES = """Część dokumentów do pobrania w formacie PDF może nie być w pełni dostępna (np. skany bez warstwy tekstowej albo pliki bez znaczników struktury). Przy każdym takim dokumencie portal informuje, czego mu brakuje; na prośbę udostępnimy jego dostępną wersję.
Tabele wstawiane w edytorze treści mogą nie mieć oznaczonych komórek nagłówkowych."""

ASSESSMENT = """Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.
Każdy rodzaj strony portalu jest sprawdzany automatycznie narzędziem axe-core (kryteria WCAG 2.1 na poziomach A i AA) oraz testami w przeglądarce: obsługi z klawiatury, widoczności fokusu, działania przy szerokości ekranu 320 pikseli i przy powiększeniu tekstu do 200%. Portal nie był jeszcze badany przez audytora zewnętrznego ani z udziałem osób korzystających z technologii wspomagających."""

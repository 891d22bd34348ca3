"""Demo content of the site frame: the privacy policy, the coordinator row, the accessibility statement."""

from django.utils import timezone

from partnerstwo.models import AccessibilityStatement, Coordinator, Page

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
sesji zalogowanego użytkownika (<code>sessionid</code>) oraz zapamiętania, że zapoznałeś(-aś) się z informacją o plikach
cookie (<code>cookie_notice</code>). Nie używamy plików cookie reklamowych ani analitycznych i nie korzystamy
z usług zewnętrznych, które mogłyby śledzić odwiedzających.</p>

<h2>Twoje prawa</h2>
<p>Masz prawo dostępu do swoich danych, ich sprostowania, usunięcia lub ograniczenia przetwarzania, prawo do
przenoszenia danych, prawo sprzeciwu oraz prawo do wycofania zgody w dowolnym momencie (bez wpływu na zgodność
z prawem przetwarzania przed jej wycofaniem). Przysługuje Ci także skarga do Prezesa Urzędu Ochrony Danych Osobowych.</p>

<h2>Odbiorcy danych</h2>
<p>Dane nie są przekazywane do państw trzecich ani wykorzystywane do profilowania. Dostęp do nich mają wyłącznie
upoważnieni pracownicy administratora oraz podmioty zapewniające działanie serwera i poczty elektronicznej.</p>
"""


def load(log):
    page, created = Page.objects.get_or_create(
        slug="polityka-prywatnosci",
        defaults={"title": "Polityka prywatności", "body": PRIVACY_POLICY, "section": Page.Section.GENERAL},
    )
    log("strona", page, created)
    if not Coordinator.objects.exists():
        # Only the name is a known fact; staff fill in the address and contacts.
        log("dane koordynatora", Coordinator.objects.create(), True)

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


NON_COMPLIANCES = """Obrazy wstawiane przez redakcję do treści wpisów i stron mogą nie mieć tekstu alternatywnego – edytor treści nie wymaga jego podania.
Tabele wstawiane w edytorze treści mogą nie mieć oznaczonych komórek nagłówkowych."""

ASSESSMENT = """Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.
Każdy rodzaj strony portalu jest sprawdzany automatycznie narzędziem axe-core (kryteria WCAG 2.1 na poziomach A i AA) oraz testami w przeglądarce: obsługi z klawiatury, widoczności fokusu, działania przy szerokości ekranu 320 pikseli i przy powiększeniu tekstu do 200%. Portal nie był jeszcze badany przez audytora zewnętrznego ani z udziałem osób korzystających z technologii wspomagających."""

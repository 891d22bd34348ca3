"""Polish forms of every model's name, for the admin's titles, buttons, counts and messages.

Django's admin builds „Dodaj %s”, „Usunięto %(count)d %(items)s” and the paginator's count
from ``verbose_name`` (a nominative) and ``verbose_name_plural`` (one plural). Polish needs the
accusative after „Dodaj”/„Zmień”/„Usuń”, the genitive after a negation, and three plural forms
(1 strona, 2 strony, 5 stron). The admin site (adminsite/sites.py) and its templates take every
form from NOUNS below; a model without a row falls back to its verbose_name, and
adminsite/tests/test_admin_speaks_polish.py fails until it gets one.
"""

from dataclasses import dataclass

# Gender decides the adjectives around the noun (kolejny/kolejną/kolejne, wszystkie/wszystkich)
# and the accusative plural: masculine personal nouns take the genitive (2 subskrybentów).
MASCULINE_PERSONAL = "m1"
MASCULINE = "m"
FEMININE = "f"
NEUTER = "n"
PLURAL_ONLY = "pl"  # „dane koordynatora”, „ustawienia newslettera”


@dataclass(frozen=True)
class Noun:
    nom: str  # mianownik: (jedna) strona
    acc: str  # biernik: dodaj stronę
    gen: str  # dopełniacz: nie można usunąć strony
    nom_pl: str  # 2, 3, 4 strony
    gen_pl: str  # 5 stron, 0 stron; also the accusative of 2+ masculine personal nouns
    gender: str
    # What is counted, for nouns used only in the plural: „1 zestaw danych koordynatora”.
    unit: tuple[str, str, str] | None = None

    def count(self, n):
        """Nominative with a number: „1 strona”, „2 strony”, „5 stron”, „22 strony”."""
        if self.unit:
            return f"{n} {plural_form(n, *self.unit)}"
        few = self.gen_pl if self.gender == MASCULINE_PERSONAL else self.nom_pl
        return f"{n} {plural_form(n, self.nom, few, self.gen_pl)}"

    def count_acc(self, n):
        """Accusative with a number: „usunięto 1 stronę”, „2 strony”, „5 subskrybentów”."""
        if self.unit:
            one, few, many = self.unit
            return f"{n} {plural_form(n, one, few, many)}"
        few = self.gen_pl if self.gender == MASCULINE_PERSONAL else self.nom_pl
        return f"{n} {plural_form(n, self.acc, few, self.gen_pl)}"

    def count_gen(self, n):
        """Genitive with a number: „nie można usunąć 1 strony / 3 stron”."""
        if self.unit:
            return f"{n} {self.unit[2] if n != 1 else self.gen}"
        return f"{n} {self.gen if n == 1 else self.gen_pl}"

    @property
    def another(self):
        """kolejną stronę, kolejny wpis, kolejnego subskrybenta."""
        return f"{self.adjective_acc('kolejn')} {self.acc}"

    @property
    def selected(self):
        """wybraną stronę, wybrany wpis, wybranego subskrybenta."""
        return f"{self.adjective_acc('wybran')} {self.acc}"

    @property
    def pronoun_acc(self):
        """usunięto go / ją / je."""
        return {MASCULINE_PERSONAL: "go", MASCULINE: "go", FEMININE: "ją"}.get(self.gender, "je")

    @property
    def acc_pl(self):
        return self.gen_pl if self.gender == MASCULINE_PERSONAL else self.nom_pl

    def adjective_acc(self, stem):
        """„kolejn” → kolejny wpis, kolejną stronę, kolejne spotkanie, kolejnego subskrybenta."""
        ending = {MASCULINE_PERSONAL: "ego", MASCULINE: "y", FEMININE: "ą", NEUTER: "e", PLURAL_ONLY: "e"}
        return stem + ending[self.gender]

    def adjective_acc_pl(self, stem):
        """„zaznaczon” → zaznaczone strony, zaznaczonych subskrybentów; „wszystk” → wszystkie, wszystkich."""
        if stem.endswith(("k", "g")):
            return stem + ("ich" if self.gender == MASCULINE_PERSONAL else "ie")
        return stem + ("ych" if self.gender == MASCULINE_PERSONAL else "e")


def plural_form(n, one, few, many):
    """Polish plural rule: 1 → one; 2–4, 22–24, … (not 12–14) → few; else many."""
    n = abs(int(n))
    if n == 1:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


def _n(nom, acc, gen, nom_pl, gen_pl, gender, unit=None):
    return Noun(nom, acc, gen, nom_pl, gen_pl, gender, unit)


_SETS = ("zestaw", "zestawy", "zestawów")

# Keyed by "app_label.model_name". Every model the admin shows, its inlines and the models
# their related-object buttons point at.
NOUNS = {
    # Site frame and the partnership (pages/, changelog/ and agreement/).
    "pages.page": _n("strona", "stronę", "strony", "strony", "stron", FEMININE),
    "pages.coordinator": _n(
        "dane koordynatora",
        "dane koordynatora",
        "danych koordynatora",
        "dane koordynatora",
        "danych koordynatora",
        PLURAL_ONLY,
        tuple(f"{w} danych koordynatora" for w in _SETS),
    ),
    "pages.homepage": _n(
        "strona główna", "stronę główną", "strony głównej", "strony główne", "stron głównych", FEMININE
    ),
    "pages.homeblock": _n(
        "blok strony głównej",
        "blok strony głównej",
        "bloku strony głównej",
        "bloki strony głównej",
        "bloków strony głównej",
        MASCULINE,
    ),
    "pages.menuitem": _n("pozycja menu", "pozycję menu", "pozycji menu", "pozycje menu", "pozycji menu", FEMININE),
    "pages.announcement": _n("komunikat", "komunikat", "komunikatu", "komunikaty", "komunikatów", MASCULINE),
    "pages.hometile": _n(
        "kafelek z odnośnikiem",
        "kafelek z odnośnikiem",
        "kafelka z odnośnikiem",
        "kafelki z odnośnikami",
        "kafelków z odnośnikami",
        MASCULINE,
    ),
    "pages.pageredirect": _n(
        "stary adres strony",
        "stary adres strony",
        "starego adresu strony",
        "stare adresy stron",
        "starych adresów stron",
        MASCULINE,
    ),
    "pages.accessibilitystatement": _n(
        "deklaracja dostępności",
        "deklarację dostępności",
        "deklaracji dostępności",
        "deklaracje dostępności",
        "deklaracji dostępności",
        FEMININE,
    ),
    "pages.activityinformation": _n(
        "informacja o działalności",
        "informację o działalności",
        "informacji o działalności",
        "informacje o działalności",
        "informacji o działalności",
        FEMININE,
    ),
    "changelog.changerecord": _n(
        "zmiana w rejestrze",
        "zmianę w rejestrze",
        "zmiany w rejestrze",
        "zmiany w rejestrze",
        "zmian w rejestrze",
        FEMININE,
    ),
    "agreement.agreement": _n("porozumienie", "porozumienie", "porozumienia", "porozumienia", "porozumień", NEUTER),
    "agreement.signature": _n("podpis", "podpis", "podpisu", "podpisy", "podpisów", MASCULINE),
    # News.
    "news.category": _n("kategoria", "kategorię", "kategorii", "kategorie", "kategorii", FEMININE),
    "news.post": _n("wpis", "wpis", "wpisu", "wpisy", "wpisów", MASCULINE),
    "news.comment": _n("komentarz", "komentarz", "komentarza", "komentarze", "komentarzy", MASCULINE),
    "news.rating": _n("ocena", "ocenę", "oceny", "oceny", "ocen", FEMININE),
    # Partners.
    "members.institution": _n("instytucja", "instytucję", "instytucji", "instytucje", "instytucji", FEMININE),
    "members.person": _n("osoba", "osobę", "osoby", "osoby", "osób", FEMININE),
    "members.office": _n("funkcja", "funkcję", "funkcji", "funkcje", "funkcji", FEMININE),
    "members.institutionaccount": _n(
        "konto instytucji partnerskiej",
        "konto instytucji partnerskiej",
        "konta instytucji partnerskiej",
        "konta instytucji partnerskich",
        "kont instytucji partnerskich",
        NEUTER,
    ),
    "members.institutionchange": _n(
        "propozycja zmian danych instytucji",
        "propozycję zmian danych instytucji",
        "propozycji zmian danych instytucji",
        "propozycje zmian danych instytucji",
        "propozycji zmian danych instytucji",
        FEMININE,
    ),
    "members.accessionrequest": _n(
        "zgłoszenie przystąpienia",
        "zgłoszenie przystąpienia",
        "zgłoszenia przystąpienia",
        "zgłoszenia przystąpienia",
        "zgłoszeń przystąpienia",
        NEUTER,
    ),
    # Accessibility requests.
    "accessibility.accessibilityrequest": _n(
        "zgłoszenie dostępności",
        "zgłoszenie dostępności",
        "zgłoszenia dostępności",
        "zgłoszenia dostępności",
        "zgłoszeń dostępności",
        NEUTER,
    ),
    "accessibility.caseevent": _n(
        "krok sprawy", "krok sprawy", "kroku sprawy", "kroki sprawy", "kroków sprawy", MASCULINE
    ),
    # Meetings.
    "meetings.venue": _n(
        "miejsce spotkań", "miejsce spotkań", "miejsca spotkań", "miejsca spotkań", "miejsc spotkań", NEUTER
    ),
    "meetings.meeting": _n("spotkanie", "spotkanie", "spotkania", "spotkania", "spotkań", NEUTER),
    "meetings.agendaitem": _n(
        "punkt programu", "punkt programu", "punktu programu", "punkty programu", "punktów programu", MASCULINE
    ),
    "meetings.report": _n(
        "relacja ze spotkania",
        "relację ze spotkania",
        "relacji ze spotkania",
        "relacje ze spotkań",
        "relacji ze spotkań",
        FEMININE,
    ),
    "meetings.photo": _n("zdjęcie", "zdjęcie", "zdjęcia", "zdjęcia", "zdjęć", NEUTER),
    "meetings.document": _n("dokument", "dokument", "dokumentu", "dokumenty", "dokumentów", MASCULINE),
    # The library of documents and the attachments of posts and pages.
    "library.document": _n("dokument", "dokument", "dokumentu", "dokumenty", "dokumentów", MASCULINE),
    "library.image": _n("obraz", "obraz", "obrazu", "obrazy", "obrazów", MASCULINE),
    "library.imageuse": _n("użycie obrazu", "użycie obrazu", "użycia obrazu", "użycia obrazów", "użyć obrazów", NEUTER),
    "news.postattachment": _n("załącznik", "załącznik", "załącznika", "załączniki", "załączników", MASCULINE),
    "pages.pageattachment": _n("załącznik", "załącznik", "załącznika", "załączniki", "załączników", MASCULINE),
    # Newsletter.
    "newsletter.consenttext": _n(
        "treść zgody", "treść zgody", "treści zgody", "treści zgody", "treści zgody", FEMININE
    ),
    "newsletter.consentevent": _n(
        "zdarzenie zgody", "zdarzenie zgody", "zdarzenia zgody", "zdarzenia zgody", "zdarzeń zgody", NEUTER
    ),
    "newsletter.subscriber": _n(
        "subskrybent", "subskrybenta", "subskrybenta", "subskrybenci", "subskrybentów", MASCULINE_PERSONAL
    ),
    "newsletter.issue": _n("wysyłka", "wysyłkę", "wysyłki", "wysyłki", "wysyłek", FEMININE),
    "newsletter.delivery": _n("doręczenie", "doręczenie", "doręczenia", "doręczenia", "doręczeń", NEUTER),
    "newsletter.newslettersettings": _n(
        "ustawienia newslettera",
        "ustawienia newslettera",
        "ustawień newslettera",
        "ustawienia newslettera",
        "ustawień newslettera",
        PLURAL_ONLY,
        tuple(f"{w} ustawień newslettera" for w in _SETS),
    ),
    # Accounts: Django's and allauth's models.
    "auth.user": _n("użytkownik", "użytkownika", "użytkownika", "użytkownicy", "użytkowników", MASCULINE_PERSONAL),
    "auth.group": _n("grupa", "grupę", "grupy", "grupy", "grup", FEMININE),
    "auth.permission": _n("uprawnienie", "uprawnienie", "uprawnienia", "uprawnienia", "uprawnień", NEUTER),
    "account.emailaddress": _n(
        "adres e-mail", "adres e-mail", "adresu e-mail", "adresy e-mail", "adresów e-mail", MASCULINE
    ),
    "mfa.authenticator": _n(
        "klucz weryfikacji dwuetapowej",
        "klucz weryfikacji dwuetapowej",
        "klucza weryfikacji dwuetapowej",
        "klucze weryfikacji dwuetapowej",
        "kluczy weryfikacji dwuetapowej",
        MASCULINE,
    ),
    # Not in the admin, but named in the Group and User forms' list of permissions.
    "reversion.revision": _n(
        "zapis wersji", "zapis wersji", "zapisu wersji", "zapisy wersji", "zapisów wersji", MASCULINE
    ),
    "reversion.version": _n("wersja", "wersję", "wersji", "wersje", "wersji", FEMININE),
    "admin.logentry": _n(
        "wpis dziennika", "wpis dziennika", "wpisu dziennika", "wpisy dziennika", "wpisów dziennika", MASCULINE
    ),
    "contenttypes.contenttype": _n(
        "typ zawartości", "typ zawartości", "typu zawartości", "typy zawartości", "typów zawartości", MASCULINE
    ),
    "sessions.session": _n("sesja", "sesję", "sesji", "sesje", "sesji", FEMININE),
    "account.emailconfirmation": _n(
        "potwierdzenie adresu e-mail",
        "potwierdzenie adresu e-mail",
        "potwierdzenia adresu e-mail",
        "potwierdzenia adresów e-mail",
        "potwierdzeń adresów e-mail",
        NEUTER,
    ),
    "search.document": _n(
        "dokument wyszukiwarki",
        "dokument wyszukiwarki",
        "dokumentu wyszukiwarki",
        "dokumenty wyszukiwarki",
        "dokumentów wyszukiwarki",
        MASCULINE,
    ),
    "search.word": _n(
        "słowo wyszukiwarki",
        "słowo wyszukiwarki",
        "słowa wyszukiwarki",
        "słowa wyszukiwarki",
        "słów wyszukiwarki",
        NEUTER,
    ),
    "limits.counter": _n("licznik prób", "licznik prób", "licznika prób", "liczniki prób", "liczników prób", MASCULINE),
    "django_tasks_database.dbtaskresult": _n(
        "zadanie w tle", "zadanie w tle", "zadania w tle", "zadania w tle", "zadań w tle", NEUTER
    ),
}


def label_of(opts):
    return opts.label_lower


def noun_for(opts):
    """The forms of a model's name; a model without a row gets its verbose_name in every case."""
    noun = NOUNS.get(label_of(opts))
    if noun is None:
        nom, nom_pl = str(opts.verbose_name), str(opts.verbose_name_plural)
        noun = Noun(nom, nom, nom, nom_pl, nom_pl, NEUTER)
    return noun


def has_noun(opts):
    return label_of(opts) in NOUNS

"""What the information clause (RODO art. 13) says beside each form that takes personal data.

The controller and its data protection officer come from the coordinator's row (the site
frame loads it for every page), never from here; each form adds its purpose, legal basis,
retention and what the data are needed for. Retention periods are the settings the daily
clean-up enforces (partnerstwo/retention.py), so the clause and the deletion cannot disagree.
"""

from dataclasses import dataclass

from django.conf import settings

from core.templatetags.pl import plural_form

RIGHTS_CONSENT = (
    "dostępu do swoich danych, ich sprostowania, usunięcia, ograniczenia przetwarzania i przenoszenia, "
    "a także wycofania zgody w dowolnym momencie (bez wpływu na zgodność z prawem przetwarzania "
    "przed jej wycofaniem)"
)
RIGHTS_CONTRACT = "dostępu do swoich danych, ich sprostowania, usunięcia, ograniczenia przetwarzania i przenoszenia"
RIGHTS_LEGAL_DUTY = "dostępu do swoich danych, ich sprostowania i ograniczenia przetwarzania"


@dataclass(frozen=True)
class Clause:
    purpose: str
    basis: str
    retention: str
    rights: str
    required: str


def _count(n, one, few, many):
    return one if n == 1 else f"{n} {plural_form(n, one, few, many)}"


def period(days):
    """How long, in the accusative after „przez”: 730 → „2 lata”, 365 → „rok”, 60 → „2 miesiące”, 45 → „45 dni”."""
    if days % 365 == 0:
        return _count(days // 365, "rok", "lata", "lat")
    if days % 30 == 0:
        return _count(days // 30, "miesiąc", "miesiące", "miesięcy")
    return _count(days, "dzień", "dni", "dni")


def limits_hours():
    """„48 godzin” (after „przez”)."""
    return _count(settings.RETENTION_LIMITS_HOURS, "godzinę", "godziny", "godzin")


def clause(kind):
    account_basis = (
        "art. 6 ust. 1 lit. b RODO – umowa o świadczenie usługi drogą elektroniczną (konto zakłada się "
        "na własną prośbę)"
    )
    clauses = {
        "account": Clause(
            purpose="prowadzenie konta czytelnika: logowanie, komentowanie i ocenianie wpisów, ustawienia powiadomień",
            basis=account_basis,
            retention="do usunięcia konta, które można usunąć samodzielnie na stronie „Moje konto”; razem z kontem "
            "usuwane są komentarze i oceny",
            rights=RIGHTS_CONTRACT,
            required="Podanie adresu e-mail i hasła jest dobrowolne, ale bez nich nie można założyć konta.",
        ),
        "comment": Clause(
            purpose="opublikowanie komentarza pod wpisem, z podpisem wybranym przez autora (pierwszego "
            "komentarza po zatwierdzeniu przez moderatora)",
            basis=account_basis,
            retention="do usunięcia komentarza albo konta",
            rights=RIGHTS_CONTRACT,
            required="Podpis i treść komentarza są widoczne publicznie; adres e-mail konta nie jest pokazywany.",
        ),
        "accession": Clause(
            purpose="rozpatrzenie zgłoszenia przystąpienia instytucji do partnerstwa i kontakt w tej sprawie",
            basis="art. 6 ust. 1 lit. a RODO – zgoda wyrażona w formularzu",
            retention=f"do decyzji w sprawie zgłoszenia, a potem przez {period(settings.RETENTION_ACCESSION_DAYS)}; "
            "dane przyjętej instytucji stają się częścią jej opisu w portalu",
            rights=RIGHTS_CONSENT,
            required="Podanie danych jest dobrowolne, ale bez nich nie można rozpatrzyć zgłoszenia.",
        ),
        "newsletter": Clause(
            purpose="wysyłanie wybranych powiadomień e-mail: o nowych wpisach albo wydań newslettera",
            basis="art. 6 ust. 1 lit. a RODO – zgoda wyrażona w formularzu",
            retention="do wycofania zgody (link jest w każdej wiadomości); zapis niepotwierdzony przechowuje się "
            f"najwyżej przez {period(settings.RETENTION_UNCONFIRMED_SIGNUP_DAYS)}, a zapis o udzieleniu "
            "i wycofaniu zgody przechowuje się tak długo, jak jest potrzebny do wykazania, że wysyłka była "
            "zgodna z prawem",
            rights=RIGHTS_CONSENT,
            required="Podanie adresu e-mail jest dobrowolne, ale bez niego nie można wysyłać powiadomień.",
        ),
        "accessibility": Clause(
            purpose="rozpatrzenie żądania zapewnienia dostępności cyfrowej albo dostępu alternatywnego "
            "i kontakt w tej sprawie",
            basis="art. 6 ust. 1 lit. c RODO w związku z art. 18 ustawy z dnia 4 kwietnia 2019 r. o dostępności "
            "cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych",
            retention=f"do załatwienia sprawy, a potem przez {period(settings.RETENTION_ACCESSIBILITY_DAYS)}",
            rights=RIGHTS_LEGAL_DUTY,
            required="Ustawa wymaga danych kontaktowych osoby występującej z żądaniem: bez imienia i nazwiska oraz "
            "adresu e-mail zgłoszenia nie można rozpatrzyć. Telefon jest nieobowiązkowy.",
        ),
    }
    return clauses[kind]

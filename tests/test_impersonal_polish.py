"""No page or e-mail addresses the reader with slash or bracket gender forms
(„zapisałeś(-aś)”, „Wytworzył/a”, „Redaktor/ka”): the portal writes impersonal Polish."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core import mail
from django.core.management import call_command

# A verb or noun ending followed by its feminine ending after a slash or in brackets.
GENDER_FORMS = re.compile(
    r"[a-ząęóśłżźćń](?:ł|łe|em|eś|or|ik|ca|nik)/(?:a|am|aś|ka|ki|ła|ło)\b"
    r"|\((?:-?a|-?aś|-?am|-?ła|-?ło|-?ęła|-?na|-?ne|-?ka)\)",
    re.IGNORECASE,
)
# What the style note (docs/styl-tekstow.md) rules out and reviewers found once: slash forms,
# informal address in statements, anglicisms, stock calques and case errors, title case in
# running text, the long dash.
BANNED = re.compile(
    r"\bi/lub\b|\bgminy / miasta\b|\bCo otrzymujesz\b|\bjak wolisz\b"
    r"|\bNewsy\b|\bMasz prawo\b|\bmożesz wycofać\b|\bNie masz uprawnień\b|\bdostaniesz\b|\bZapis ma dwa kroki\b"
    r"|\bdo adres e-mail\b|\bUwierzytelnianie dwuskładnikowe\b|\bdla weryfikacji\b|\bdanych osobistych\b"
    r"|\bzostaje do niego zmuszony\b|\bAktualność ·"
    r"| — ",
    re.IGNORECASE,
)
# Case matters in these. Pronouns of address take a capital („Twoich”, like „Twój” and „Ci”);
# a meeting's name and a function in running text do not (lists of signatories do).
LOWER_CASE_PRONOUNS = re.compile(r"\b(?:twój|twoja|twoje|twoich|twoim|twoją|twojego|twojej)\b")
TITLE_CASE = re.compile(
    r"\b(?:Nadzwyczajne Posiedzenie|Nadzwyczajnym Posiedzeniu|Nadzwyczajnego Posiedzenia)\b"
    r"|\b(?:powitała|zabrali|podpisali:?|wraz ze?) (?:Starost[aą]|Dyrektor(?:em)?|Przewodniczący)\b"
)
# A label or legend ending in a colon (Django's label_suffix): labels are written without one.
LABEL_COLON = re.compile(r"<(label|legend)\b[^>]*>([^<]*:)\s*</\1>")
SKIPPED = ("/admin/", "/static/", "/media/", "/konto/wyloguj/")


def test_the_pattern_catches_the_forms_it_is_for():
    for text in ["zapisałeś(-aś) się", "Wytworzył/a", "Redaktor/ka", "został(a) dodany(-na)", "Zrozumiałem/am"]:
        assert GENDER_FORMS.search(text), text
    for text in ["zapisano", "Informację wytworzył", "1/2", "km/h", "(a nawet więcej)"]:
        assert not GENDER_FORMS.search(text), text
    for text in ["adres e-mail i/lub hasło", "urząd gminy / miasta", "Co otrzymujesz, można zmienić", "jak wolisz"]:
        assert BANNED.search(text), text
    for text in [
        "Kategoria: Newsy",
        "Hasło jest zbyt podobne do adres e-mail.",
        "do twoich innych danych osobistych",
        "Masz prawo dostępu",
        "Zgodę możesz wycofać",
        "4,0 / 5 — 1 ocena",
        "Aktualność · 8 czerwca 2018",
    ]:
        assert BANNED.search(text), text
    for text in [
        "adres e-mail lub hasło",
        "urząd gminy lub miasta",
        "4,0/5 – 1 ocena",
        "Kategoria: Wiadomości",
        "Nadzwyczajne posiedzenie Powiatowej Rady",
        "podpis: Starosta Nowodworski Magdalena Biernacka",  # a list of signatories keeps the capital
        "Wpis · 8 czerwca 2018",
    ]:
        assert not BANNED.search(text), text
    assert LOWER_CASE_PRONOUNS.search("do twoich danych") and not LOWER_CASE_PRONOUNS.search("Twoje komentarze")
    for text in ["Nadzwyczajne Posiedzenie Powiatowej Rady", "Głos zabrali Starosta Nowodworski", "wraz ze Starostą"]:
        assert TITLE_CASE.search(text), text
    for text in [
        "nadzwyczajne posiedzenie Powiatowej Rady",
        "Nadzwyczajne posiedzenie",
        "– podpis: Starosta Nowodworski",
    ]:
        assert not TITLE_CASE.search(text), text
    assert LABEL_COLON.search('<label for="id_login">Adres e-mail:</label>')
    assert not LABEL_COLON.search('<label for="id_login">Adres e-mail</label>')


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def _internal_links(base, html):
    parser = _Links()
    parser.feed(html)
    for href in parser.hrefs:
        url = urlsplit(urljoin(base, href))
        if url.scheme in ("http", "https") and url.netloc != "testserver":
            continue
        if url.scheme not in ("", "http", "https") or url.path.startswith(SKIPPED):
            continue
        yield url.path + (f"?{url.query}" if url.query else "")


@pytest.fixture
def reader(bob):
    """bob with the verified address allauth wants before it lets him in."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=bob, email=bob.email, verified=True, primary=True)
    return bob


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_no_page_of_the_demo_site_uses_slash_or_bracket_forms(client, demo):
    seen, queue, pages = set(), ["/", "/szukaj/?q=rynek", "/nie-ma-takiej-strony/"], 0
    while queue and pages < 150:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if "html" not in response.get("Content-Type", ""):
            continue
        pages += 1
        html = response.content.decode()
        found = GENDER_FORMS.search(html)
        assert not found, f"{path}: „{found.group(0)}”"
        assert_plain_polish(path, html)
        queue.extend(_internal_links("http://testserver" + path, html))
    assert pages > 30  # the crawl reached the whole demo site


def assert_plain_polish(where, html):
    for pattern in (BANNED, LOWER_CASE_PRONOUNS, TITLE_CASE):
        found = pattern.search(html)
        assert not found, f"{where}: „{found.group(0)}” (docs/styl-tekstow.md)"
    colon = LABEL_COLON.search(html)
    assert not colon, f"{where}: label „{colon.group(2)}” ends in a colon"


def test_a_signed_in_readers_pages_and_forms_speak_the_same_polish(client, demo, reader):
    from news.models import Post

    post = Post.objects.published().first()
    client.force_login(reader)
    for path in [
        post.get_absolute_url(),  # the comment form
        "/konto/",
        "/konto/usun/",
        "/konto/adres-e-mail/",
        "/konto/haslo/zmien/",
        "/konto/weryfikacja-dwuetapowa/",
        "/newsletter/",
        "/partnerzy/przystap/",
        "/zglos-problem-z-dostepnoscia/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_plain_polish(path, response.text)


def test_a_failed_login_and_a_weak_password_are_refused_in_plain_polish(client, reader):
    html = client.post("/konto/zaloguj/", {"login": reader.email, "password": "zle-haslo"}).text
    assert "Adres e-mail lub hasło są nieprawidłowe." in html
    assert_plain_polish("/konto/zaloguj/ (błąd)", html)
    html = client.get("/konto/zaloz/").text
    assert "Hasło nie może być zbyt podobne do innych danych osobowych." in html
    assert_plain_polish("/konto/zaloz/", html)
    html = client.post(
        "/konto/zaloz/",
        {"email": "ewa.kowalska@example.com", "password1": "ewa.kowalska", "password2": "ewa.kowalska"},
    ).text
    assert "Hasło jest zbyt podobne do danych konta (adres e-mail)." in html
    assert_plain_polish("/konto/zaloz/ (błąd)", html)


def test_e_mails_to_readers_and_applicants_use_impersonal_forms(client, demo, settings, mailoutbox, in_background):
    settings.STAFF_NOTIFY_EMAILS = ["sekretariat@pup.example"]
    with in_background():
        client.post("/newsletter/", {"email": "czytelniczka@example.com", "consent": "on", "topics": "all"})
        client.post(
            "/partnerzy/przystap/",
            {
                "institution_name": "Stowarzyszenie Przykładowe",
                "kind": "organizacja-pozarzadowa",
                "gmina": "nasielsk",
                "contact_name": "Anna Przykładowa",
                "email": "anna@example.org",
                "phone": "",
                "message": "Chcemy przystąpić.",
                "consent": "on",
                "website": "",
            },
        )
    assert len(mail.outbox) == 3  # the confirmation link, the staff notice, the applicant's copy
    for message in mail.outbox:
        bodies = [message.body] + [content for content, _type in getattr(message, "alternatives", [])]
        for body in [message.subject, *bodies]:
            found = next(
                (m for p in (GENDER_FORMS, BANNED, LOWER_CASE_PRONOUNS, TITLE_CASE) if (m := p.search(body))), None
            )
            assert not found, f"{message.subject}: „{found.group(0)}”"

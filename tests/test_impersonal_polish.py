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
# Forms the style note (docs/styl-tekstow.md) rules out: slash forms in running text and labels.
BANNED = re.compile(r"\bi/lub\b|\bgminy / miasta\b|\bCo otrzymujesz\b|\bjak wolisz\b", re.IGNORECASE)
SKIPPED = ("/admin/", "/static/", "/media/", "/konto/wyloguj/")


def test_the_pattern_catches_the_forms_it_is_for():
    for text in ["zapisałeś(-aś) się", "Wytworzył/a", "Redaktor/ka", "został(a) dodany(-na)", "Zrozumiałem/am"]:
        assert GENDER_FORMS.search(text), text
    for text in ["zapisano", "Informację wytworzył", "1/2", "km/h", "(a nawet więcej)"]:
        assert not GENDER_FORMS.search(text), text
    for text in ["adres e-mail i/lub hasło", "urząd gminy / miasta", "Co otrzymujesz, można zmienić", "jak wolisz"]:
        assert BANNED.search(text), text
    for text in ["adres e-mail lub hasło", "urząd gminy lub miasta", "4,0/5"]:
        assert not BANNED.search(text), text


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
        banned = BANNED.search(html)
        assert not banned, f"{path}: „{banned.group(0)}” (docs/styl-tekstow.md)"
        queue.extend(_internal_links("http://testserver" + path, html))
    assert pages > 30  # the crawl reached the whole demo site


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
            found = GENDER_FORMS.search(body) or BANNED.search(body)
            assert not found, f"{message.subject}: „{found.group(0)}”"

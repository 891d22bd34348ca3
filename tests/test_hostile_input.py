"""A bot sends garbage to every address and every form of the site.

Each answer is a 4xx or a harmless 200: never a 500, never the payload echoed
back unescaped, never a file from outside the media folder. URLs come from the
URL configuration (tests/urlmap.py), so new pages are covered. Deeply nested and
very large rich text has its own sweep over every rich-text field of the admin and
the content check (adminsite/tests/test_hostile_rich_text_is_refused_everywhere.py).
"""

import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls.converters import IntConverter

from conftest import pdf_bytes
from library.models import Document as LibraryDocument
from news.models import Category, Post, PostAttachment
from pages.models import Page, PageAttachment
from tests.urlmap import sample_value, site_urls

SCRIPT = '<script>alert("hostile")</script>'
IMG = "<img src=x onerror=alert(9)>"
PAYLOADS = {
    "nul": "a\x00b",
    "invalid-utf8": "\udcff\udcfe",  # surrogate escapes: raw bytes 0xFF 0xFE once encoded
    "html": f'"><{SCRIPT[1:]}{IMG}',
    "sql": "' OR '1'='1'; DROP TABLE news_post; --",
    "traversal": "../../../../etc/passwd",
    "unicode": "zażółć \u202e\ufeff 🙂",
    "number": "-99999999999999999999999",
    "long": "x" * 3000,
}
# Markup, SQL and bidi characters work anywhere inside a value, so one value carries them all.
# The others act only on their own and keep a request each: a NUL makes Django's forms refuse
# the whole value (hiding whatever else it carries), a number or a path must be the whole value,
# invalid bytes cannot be encoded, and length is the attack.
COMBINED_KINDS = ("html", "sql", "unicode")
COMBINED = "".join(PAYLOADS[kind] for kind in COMBINED_KINDS)
QUERY_PAYLOADS = {"text": COMBINED, **{kind: PAYLOADS[kind] for kind in PAYLOADS if kind not in COMBINED_KINDS}}
# Form fields also get a megabyte; in a URL that length is refused (414) up front.
FORM_PAYLOADS = {**QUERY_PAYLOADS, "megabyte": "x" * 1_000_000}
QUERY_KEYS = ["q", "page", "p", "o", "e", "next", "kategoria", "strona", "rok", "miesiac", "email", "token"]
# PUT, DELETE and OPTIONS each have their own branch in Django's class-based views; any other
# method (PATCH included) takes the same path as PROPFIND: 405, or a function view's non-POST branch.
METHODS = ["PUT", "DELETE", "OPTIONS", "PROPFIND"]
# The generic admin pages of each model (Django's ModelAdmin views): any method but POST takes
# the rendering path of GET, and the change and delete pages (and the bare-id redirect to a change page)
# read none of QUERY_KEYS. Sending them wrong methods or hostile query strings repeats a GET,
# which the other sweeps already make; the portal's own admin views keep every request.
_MODEL_ADMIN_VIEW = re.compile(r"^[a-z_]+_(add|change|delete|history|changelist)$")
_BARE_ID_REDIRECT = "django.views.generic.base.RedirectView"
BAD_HOSTS = ["evil.example", "localhost:abc", "<script>", "a" * 300, "127.0.0.1@evil.example"]


def encode(value):
    """Percent-encode for a URL; surrogate escapes become the invalid bytes they stand for."""
    return quote(value.encode("utf-8", "surrogateescape"), safe="")


def assert_safe(response, where):
    assert response.status_code < 500, f"{where}: {response.status_code}"
    if response.streaming:
        return
    body = response.content.decode("utf-8", "replace")
    assert "root:x:0:0" not in body, where
    if "html" in response.get("Content-Type", ""):
        assert SCRIPT not in body, f"{where}: script reflected"
        assert IMG not in body, f"{where}: markup reflected"


@pytest.fixture
def sample_objects(db, category):
    """Objects at the sample slugs of urlmap.SAMPLES, so detail pages render fully."""
    sample = Category.objects.create(name="Przykład", slug="przyklad")
    post = Post.objects.create(
        title="Przykład", slug="przyklad", category=sample, body="<p>Treść</p>", status=Post.Status.PUBLISHED
    )
    page = Page.objects.create(title="Przykład", slug="przyklad", body="<p>Treść</p>")
    document = LibraryDocument.objects.create(
        title="Przykład", file=SimpleUploadedFile("przyklad.pdf", pdf_bytes(text="Przyklad"))
    )
    PostAttachment.objects.create(post=post, document=document)
    PageAttachment.objects.create(page=page, document=document)


@pytest.fixture
def editor(db, django_user_model):
    """Staff with every permission; no password, so no slow hashing."""
    return django_user_model.objects.create(username="redakcja@pup.example", is_staff=True, is_superuser=True)


@pytest.fixture(params=["anonymous", "staff"])
def visitor(request, sample_objects):
    client = Client()
    if request.param == "staff":
        client.force_login(request.getfixturevalue("editor"))
    return client


@pytest.mark.sweep
@pytest.mark.parametrize("payload", PAYLOADS, ids=list(PAYLOADS))
def test_hostile_path_arguments_never_break_a_page(client, sample_objects, payload):
    for url, name in site_urls(lambda name, converter: encode(PAYLOADS[payload])):
        assert_safe(client.get(url), f"GET {url[:80]} ({name})")


LONG_ARGUMENT = "a" * 300  # a valid slug, longer than any the site stores (V-1: 225 characters made a 500)


# Signed tokens are not names of objects: a bad one is answered with its own page (400, or
# allauth's "this link is no longer valid"); test_hostile_path_arguments_never_break_a_page
# sends them long values too.
TOKEN_ARGUMENTS = ("token", "key", "uidb64", "uidb36")


def long_argument(name, converter):
    """300 characters that fit the argument's converter: digits for a number, a slug otherwise."""
    if name in TOKEN_ARGUMENTS:
        return sample_value(name, converter)
    if isinstance(converter, IntConverter):
        return "9" * 300
    return LONG_ARGUMENT


@pytest.mark.sweep
@pytest.mark.parametrize("visitor", ["anonymous", "staff"], indirect=True)
def test_a_very_long_path_argument_finds_nothing_on_every_address(visitor, sample_objects):
    """Every address with an argument, each argument 300 characters long: no such object, so 404."""
    answers = {}
    for url, name in site_urls(long_argument):
        if LONG_ARGUMENT not in url and "9" * 300 not in url:
            continue  # an address without arguments
        response = visitor.get(url)
        assert_safe(response, f"GET {url[:80]}… ({name})")
        if response.status_code == 405:  # an action of a page (a comment, a rating): its POST
            response = visitor.post(url)
            assert_safe(response, f"POST {url[:80]}… ({name})")
        if not url.startswith("/admin/"):  # the admin sends a missing object back to its list
            answers[f"{url[:60]}… ({name})"] = response.status_code
    assert answers
    assert {where: status for where, status in answers.items() if status != 404} == {}


def reads_query_strings(url, name):
    if not url.startswith("/admin/"):
        return True
    match = _MODEL_ADMIN_VIEW.match(name)
    return name != _BARE_ID_REDIRECT and not (match and match[1] in ("change", "delete"))


def has_own_methods(url, name):
    return not url.startswith("/admin/") or not (name == _BARE_ID_REDIRECT or _MODEL_ADMIN_VIEW.match(name))


@pytest.mark.sweep
@pytest.mark.parametrize("payload", QUERY_PAYLOADS, ids=list(QUERY_PAYLOADS))
def test_hostile_query_strings_never_break_a_page(visitor, payload):
    query = "&".join(f"{key}={encode(QUERY_PAYLOADS[payload])}" for key in QUERY_KEYS)
    for url, name in filter(lambda entry: reads_query_strings(*entry), site_urls()):
        assert_safe(visitor.get(f"{url}?{query}"), f"GET {url}?… ({name})")


def test_very_long_urls_never_break_a_page(client, sample_objects):
    for url in [
        "/" + "a" * 9000 + "/",
        "/aktualnosci/" + "a" * 100_000 + "/",
        "/?" + "a=b&" * 5000,
        "/?q=" + "x" * 1_000_000,
    ]:
        response = client.get(url)
        assert response.status_code == 414, url[:40]
        assert_safe(response, url[:40])


@pytest.mark.parametrize(
    "url",
    [
        "/media/../../../../etc/passwd",
        "/media/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/media/..%2f..%2f..%2fetc%2fpasswd",
        "/media//etc/passwd",
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/partnerstwo/settings.py",
        "/media/%00/etc/passwd",
        "/aktualnosci/..%2f..%2f..%2fetc%2fpasswd/",
    ],
)
def test_path_traversal_reveals_no_files(client, db, url):
    response = client.get(url)
    assert response.status_code in (400, 403, 404), url
    assert_safe(response, url)


@pytest.mark.sweep
@pytest.mark.parametrize("method", METHODS)
def test_wrong_methods_are_refused_or_harmless(visitor, method):
    for url, name in filter(lambda entry: has_own_methods(*entry), site_urls()):
        assert_safe(visitor.generic(method, url), f"{method} {url} ({name})")


@pytest.mark.sweep
def test_posts_without_csrf_token_are_refused(sample_objects, editor):
    anonymous, staff = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    staff.force_login(editor)
    for url, name in site_urls():
        for client in (anonymous, staff):
            response = client.post(url, {"title": "x", "next": "/"})
            assert 400 <= response.status_code < 500, f"POST {url} ({name}): {response.status_code}"


@pytest.mark.sweep
def test_no_address_answers_a_foreign_host(client, db):
    for url, name in site_urls():
        response = client.get(url, headers={"host": BAD_HOSTS[0]})
        assert response.status_code == 400, f"{url} ({name}): {response.status_code}"


@pytest.mark.parametrize("host", BAD_HOSTS)
@pytest.mark.parametrize("url", ["/", "/aktualnosci/przyklad/", "/admin/login/", "/robots.txt"])
def test_bad_host_headers_get_400(client, db, host, url):
    # The Host is checked before any view runs, so each way of writing a bad one needs a few
    # kinds of page, while the walk above shows that no address skips the check.
    assert client.get(url, headers={"host": host}).status_code == 400


class FormFinder(HTMLParser):
    """The POST forms of a page: action and fields (name, type)."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self.forms.append({"action": attrs.get("action") or "", "fields": []})
        elif tag in ("input", "textarea", "select") and self.forms and attrs.get("name"):
            self.forms[-1]["fields"].append((attrs["name"], attrs.get("type", tag)))


_forms_seen_by = {}


def site_forms(client, kind):
    """(page url, action, fields) of every POST form on every page the client can open.

    The pages and their forms are the same for every test of one kind of visitor, so the
    walk over every page is done once per kind and process.
    """
    if kind in _forms_seen_by:
        return _forms_seen_by[kind]
    found = {}
    for url, _name in site_urls():
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        finder = FormFinder()
        finder.feed(response.content.decode())
        for form in finder.forms:
            action = form["action"] or url
            if "logout" not in action:
                found.setdefault((action, tuple(form["fields"])), url)
    _forms_seen_by[kind] = [(page, action, fields) for (action, fields), page in found.items()]
    return _forms_seen_by[kind]


@pytest.mark.sweep
@pytest.mark.parametrize("payload", FORM_PAYLOADS, ids=list(FORM_PAYLOADS))
def test_every_form_survives_hostile_values(visitor, payload, request):
    forms = site_forms(visitor, request.node.callspec.params["visitor"])
    assert forms, "no forms found"
    value = FORM_PAYLOADS[payload]
    for page, action, fields in forms:
        fields = [(name, kind) for name, kind in fields if name != "csrfmiddlewaretoken"]
        if not fields and payload != "text":
            continue  # nothing carries the payload: the one empty POST (with "text") says it all
        if payload == "invalid-utf8":  # a client cannot encode it: sent as raw bytes
            body = "&".join(f"{encode(name)}=%FF%FE%00" for name, _kind in fields)
            response = visitor.post(action, body.encode(), content_type="application/x-www-form-urlencoded")
            assert_safe(response, f"POST {action} from {page} (raw bytes)")
            continue
        data = {}
        for name, kind in fields:
            if kind == "file":
                data[name] = SimpleUploadedFile(
                    "../../evil\x00.php.jpg", value.encode("utf-8", "surrogateescape"), content_type="image/jpeg"
                )
            else:
                data[name] = value
        assert_safe(visitor.post(action, data), f"POST {action} from {page} ({payload})")

"""Every public form that sends mail answers at once while the mail server hangs.

The mail server accepts connections and never answers (the outside tester's black hole). Every
POST form on every page a visitor can open is filled in as a person would fill it and sent: the
answer is never a 5xx and the request never opens a connection to the mail server; what it has
to say by e-mail waits in the task queue. Forms come from the pages themselves, so a new form
is covered the day it appears.
"""

import itertools
import re
from html.parser import HTMLParser

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django_tasks_db.models import DBTaskResult

from tests.test_hostile_input import sample_objects  # noqa: F401 (a fixture: the sample post and page)
from tests.urlmap import site_urls

_seq = itertools.count(1)
PASSWORD = "Mocne-haslo-do-sprawdzenia-7"
# The forms that must queue mail when filled in well (a sweep that queued nothing would prove nothing).
MAILING_FORMS = {
    "anonymous": {"/newsletter/", "/partnerzy/przystap/", "/konto/haslo/nowe/", "/konto/zaloz/"},
    "reader": {"/aktualnosci/przyklad/komentarze/"},
}


class FilledFormFinder(HTMLParser):
    """The POST forms of a page, each with the values a person would give its fields."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self.forms.append({"action": attrs.get("action") or "", "data": {}})
        if not self.forms or not attrs.get("name") and tag != "option":
            return
        data = self.forms[-1]["data"]
        if tag == "input" and attrs.get("tabindex") != "-1":  # tabindex -1: the honeypot people never see
            value = _value_for(attrs["name"], attrs.get("type", "text"), attrs.get("value"))
            if value is not None:
                data.setdefault(attrs["name"], value)
        elif tag == "textarea":
            data[attrs["name"]] = "Dzień dobry, proszę o informację o najbliższym naborze."
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and attrs.get("value") and self._select not in data:
            data[self._select] = attrs["value"]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def _value_for(name, kind, value):
    if kind in ("hidden", "submit"):
        return value
    if kind in ("checkbox", "radio"):
        return value or "on"
    if kind == "file":
        return None
    if kind == "password":
        return PASSWORD
    if kind == "email" or "email" in name or name == "login":
        return f"sprawdzenie{next(_seq)}@example.com"
    return {"number": "3", "url": "https://example.com/", "tel": "22 765 00 00", "date": "2026-01-15"}.get(
        kind, "Jan Kowalski"
    )


def filled_forms(client):
    found = {}
    for url, _name in site_urls():
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        finder = FilledFormFinder()
        finder.feed(response.content.decode())
        for form in finder.forms:
            found.setdefault((form["action"] or url).split("#")[0], (url, form["data"]))
    # Forms that end the visit (log out, delete the account) go last.
    return sorted(found.items(), key=lambda item: bool(re.search(r"logout|usun|delete", item[0])))


@pytest.fixture
def reader(bob):
    EmailAddress.objects.create(user=bob, email=bob.email, verified=True, primary=True)
    return bob


@pytest.mark.sweep
@pytest.mark.usefixtures("sample_objects", "alice")  # alice: staff told about a comment to moderate
@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_every_form_answers_at_once_while_the_mail_server_hangs(
    who, reader, hung_mail_server, django_capture_on_commit_callbacks
):
    client = Client()
    if who == "reader":
        client.force_login(reader)
    mailing = set()
    for action, (page, data) in filled_forms(client):
        queued = DBTaskResult.objects.count()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(action, data)
        where = f"POST {action} from {page}"
        assert response.status_code < 500, f"{where}: {response.status_code}"
        assert hung_mail_server.connections() == 0, f"{where} talked to the mail server"
        if DBTaskResult.objects.count() > queued:
            mailing.add(action)
    assert MAILING_FORMS[who] <= mailing, f"no mail queued by {sorted(MAILING_FORMS[who] - mailing)}"

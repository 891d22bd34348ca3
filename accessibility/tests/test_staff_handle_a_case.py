"""Staff act on an accessibility case in the admin: extend, resolve or refuse, each with its e-mail and history."""

import datetime

import time_machine
from django.core import mail

from accessibility.models import AccessibilityRequest, CaseEvent
from accessibility.tests.conftest import at


def url(case, step=""):
    return f"/admin/accessibility/accessibilityrequest/{case.pk}/{step}"


def test_the_case_page_shows_its_deadline_and_the_three_steps(client, alice, make_case):
    with time_machine.travel(at(1), tick=False):
        case = make_case()
        client.force_login(alice)
        page = client.get(url(case, "change/")).text
    assert "Sprawa w toku: termin 8 grudnia 2026 (za 7 dni)." in page
    assert "najpóźniej do 1 lutego 2027" in page
    for step in ["zalatw/", "przedluz/", "odmow/"]:
        assert f'href="{url(case, step)}"' in page
    assert "wpłynęło zgłoszenie" in page  # the history


def test_extending_tells_the_requester_why_and_until_when(client, alice, make_case, in_background, settings):
    settings.OFFICE_EMAIL = "partnerstwo@pup.example"
    with time_machine.travel(at(1), tick=False):
        case = make_case()
        mail.outbox.clear()
        client.force_login(alice)
        page = client.get(url(case, "przedluz/")).text
        assert "najpóźniej 1 lutego 2027 (2 miesiące od wpłynięcia zgłoszenia)" in page
        with in_background():
            response = client.post(
                url(case, "przedluz/"), {"due_on": "2026-12-22", "reason": "Dokument trzeba złożyć od nowa."}
            )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == AccessibilityRequest.Status.EXTENDED
    assert case.due_on == datetime.date(2026, 12, 22)
    event = case.events.get(kind=CaseEvent.Kind.EXTENDED)
    assert event.by == alice and event.mailed
    assert "Nowy termin: 22 grudnia 2026. Powód: Dokument trzeba złożyć od nowa." == event.text
    [letter] = mail.outbox
    assert letter.to == ["ewa@example.org"] and letter.reply_to == ["partnerstwo@pup.example"]
    assert f"nr {case.pk}" in letter.subject
    assert "Powód:\nDokument trzeba złożyć od nowa." in letter.body
    assert "Nowy termin załatwienia: 22 grudnia 2026." in letter.body
    assert "alice@pup.example" not in letter.body + str(letter.reply_to)


def test_a_deadline_beyond_two_months_or_without_a_reason_is_refused(client, alice, make_case):
    with time_machine.travel(at(1), tick=False):
        case = make_case()
        client.force_login(alice)
        too_late = client.post(url(case, "przedluz/"), {"due_on": "2027-02-02", "reason": "Dużo pracy."})
        no_reason = client.post(url(case, "przedluz/"), {"due_on": "2026-12-20", "reason": "  "})
        earlier = client.post(url(case, "przedluz/"), {"due_on": "2026-12-05", "reason": "Dużo pracy."})
        bad_date = client.post(url(case, "przedluz/"), {"due_on": "jutro", "reason": "Dużo pracy."})
    assert too_late.status_code == no_reason.status_code == earlier.status_code == bad_date.status_code == 400
    assert "Ustawa pozwala przedłużyć termin najwyżej do 1 lutego 2027" in too_late.text
    assert "Podaj powód przedłużenia: trafi do zgłaszającego." in no_reason.text
    assert "Nowy termin musi być późniejszy niż obecny i niż dzisiejsza data." in earlier.text
    assert "Podaj datę w postaci RRRR-MM-DD." in bad_date.text
    assert 'value="Dużo pracy."' not in too_late.text or "Dużo pracy." in too_late.text
    case.refresh_from_db()
    assert case.status == AccessibilityRequest.Status.OPEN


def test_resolving_closes_the_case_and_tells_the_requester_how(client, alice, make_case, in_background):
    case = make_case()
    mail.outbox.clear()
    client.force_login(alice)
    with in_background():
        response = client.post(url(case, "zalatw/"), {"outcome": "Protokół opublikowano jako tekst."}, follow=True)
    assert f"Zgłoszenie nr {case.pk} załatwiono." in response.text
    assert "E-mail wyjdzie za chwilę na adres ewa@example.org." in response.text
    assert "Załatw zgłoszenie…" not in response.text
    case.refresh_from_db()
    assert case.status == AccessibilityRequest.Status.RESOLVED and case.closed_at is not None
    [letter] = mail.outbox
    assert "zostało załatwione" in letter.subject
    assert "Protokół opublikowano jako tekst." in letter.body


def test_refusing_needs_an_alternative_and_explains_the_complaint_path(client, alice, make_case, in_background):
    case = make_case()
    mail.outbox.clear()
    client.force_login(alice)
    missing = client.post(url(case, "odmow/"), {"reason": "Skan pochodzi z archiwum.", "alternative": ""})
    assert missing.status_code == 400
    assert "Zaproponuj dostęp alternatywny: odmowa bez niego nie jest możliwa." in missing.text
    assert "Skan pochodzi z archiwum." in missing.text  # kept
    with in_background():
        client.post(
            url(case, "odmow/"),
            {"reason": "Skan pochodzi z archiwum.", "alternative": "Treść protokołu prześlemy e-mailem."},
        )
    case.refresh_from_db()
    assert case.status == AccessibilityRequest.Status.REFUSED
    assert case.alternative_offered == "Treść protokołu prześlemy e-mailem."
    event = case.events.get(kind=CaseEvent.Kind.REFUSED)
    assert event.by == alice and "Treść protokołu prześlemy e-mailem." in event.text
    [letter] = mail.outbox
    assert "Treść protokołu prześlemy e-mailem." in letter.body
    assert "skargę do podmiotu, który prowadzi portal (Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim)" in letter.body
    assert "wniosek do Rzecznika Praw Obywatelskich" in letter.body


def test_a_closed_case_takes_no_further_step(client, alice, make_case):
    case = make_case()
    client.force_login(alice)
    client.post(url(case, "zalatw/"), {"outcome": "Gotowe."})
    response = client.post(url(case, "odmow/"), {"reason": "x", "alternative": "y"}, follow=True)
    assert f"Zgłoszenie nr {case.pk} jest już zamknięte: załatwione." in response.text
    case.refresh_from_db()
    assert case.status == AccessibilityRequest.Status.RESOLVED


def test_staff_cannot_add_or_delete_cases(client, alice, make_case):
    case = make_case()
    client.force_login(alice)
    assert client.get("/admin/accessibility/accessibilityrequest/add/").status_code == 403
    assert client.get(url(case, "delete/")).status_code == 403


def test_a_resident_cannot_reach_the_steps(client, bob, make_case):
    case = make_case()
    client.force_login(bob)
    response = client.post(url(case, "zalatw/"), {"outcome": "Gotowe."})
    assert response.status_code == 302 and "/login/" in response["Location"]
    case.refresh_from_db()
    assert case.is_open

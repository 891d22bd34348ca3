"""The admin's home page lists open accessibility cases: overdue and nearly due ones by name, urgent."""

import re

import time_machine

from accessibility.tests.conftest import at


def test_nearly_due_and_overdue_cases_are_named_with_their_deadline(client, alice, make_case):
    with time_machine.travel(at(1), tick=False):
        late = make_case(address="/kontakt/")
    with time_machine.travel(at(4), tick=False):
        soon = make_case(address="/spotkania/")
    with time_machine.travel(at(9), tick=False):
        make_case(address="/partnerzy/")  # due on 16 December: counted, not named
        client.force_login(alice)
        html = client.get("/admin/").text
    assert "3 zgłoszenia dostępności czekają na załatwienie, 1 po terminie" in html
    assert f"Zgłoszenie nr {late.pk}: /kontakt/ – termin 8 grudnia 2026 (1 dzień po terminie)" in html
    assert f"Zgłoszenie nr {soon.pk}: /spotkania/ – termin 11 grudnia 2026 (za 2 dni)" in html
    assert "/partnerzy/" not in html
    assert 'class="dashboard-task-urgent"' in html


def test_a_case_far_from_its_deadline_is_counted_but_not_urgent(client, alice, make_case):
    with time_machine.travel(at(1), tick=False):
        make_case()
        client.force_login(alice)
        html = client.get("/admin/").text
    assert "1 zgłoszenie dostępności czeka na załatwienie" in html
    task = re.search(r'<li( class="dashboard-task-urgent")?>\s*<a href="/admin/accessibility/', html)
    assert task and task.group(1) is None


def test_closed_cases_leave_the_dashboard(client, alice, make_case):
    case = make_case()
    client.force_login(alice)
    client.post(f"/admin/accessibility/accessibilityrequest/{case.pk}/zalatw/", {"outcome": "Gotowe."})
    assert "zgłoszenie dostępności" not in client.get("/admin/").text


def test_the_dashboard_link_lists_exactly_the_open_cases(client, alice, make_case):
    open_case, closed = make_case(), make_case()
    client.force_login(alice)
    client.post(f"/admin/accessibility/accessibilityrequest/{closed.pk}/zalatw/", {"outcome": "Gotowe."})
    listing = client.get("/admin/accessibility/accessibilityrequest/?status__in=otwarte,przedluzone")
    assert listing.status_code == 200
    assert [c.pk for c in listing.context["cl"].result_list] == [open_case.pk]


def test_the_dashboard_costs_the_same_with_many_cases(client, alice, make_case, django_assert_max_num_queries):
    client.force_login(alice)
    client.get("/admin/")
    for _ in range(8):
        make_case()
    with django_assert_max_num_queries(40) as few:
        client.get("/admin/")
    for _ in range(8):
        make_case()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/admin/")

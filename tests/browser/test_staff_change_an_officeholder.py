import datetime

import pytest
from playwright.sync_api import expect

from members.models import Office
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


def test_staff_end_a_term_and_add_the_successor_in_one_save(page, alice, make_institution, make_person, make_office):
    gmina = make_institution(name="Gmina Leoncin")
    former = make_person("Zofia", "Dotychczasowa")
    make_person("Piotr", "Następny")
    make_office(gmina, "Wójt Gminy Leoncin", former, start_date=datetime.date(2018, 11, 20))
    log_in_to_admin(page, alice, next_url=f"/admin/members/institution/{gmina.pk}/change/")

    page.locator("#id_offices-0-end_date").fill("2024-05-06")
    page.locator("#id_offices-1-function").fill("Wójt Gminy Leoncin")
    page.locator("#offices-1 .field-person .select2-selection").click()
    page.locator(".select2-search__field").fill("Następ")
    page.get_by_role("option", name="Piotr Następny").click()
    page.locator("#id_offices-1-start_date").fill("2024-05-07")
    page.get_by_role("button", name="Zapisz", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("Gmina Leoncin")
    expect(page.get_by_text("Tę funkcję ktoś już pełni")).to_have_count(0)
    assert list(Office.objects.order_by("start_date").values_list("person__last_name", "end_date")) == [
        ("Dotychczasowa", datetime.date(2024, 5, 6)),
        ("Następny", None),
    ]
    page.goto(gmina.get_absolute_url())
    expect(page.locator("main")).to_contain_text("Piotr Następny")

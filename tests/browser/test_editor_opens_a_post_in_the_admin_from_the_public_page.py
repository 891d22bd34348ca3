import pytest
from playwright.sync_api import expect

from tests.browser.helpers import focus_ring, format_violations, horizontal_overflow, run_axe

pytestmark = pytest.mark.browser


def test_a_redaktor_on_a_phone_reaches_the_edit_link_by_keyboard_and_opens_the_form(
    page, log_in, make_post, staff_in_role
):
    post = make_post(title="Targi pracy w Nasielsku")
    log_in(page, staff_in_role("Redaktor"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(post.get_absolute_url())

    link = page.get_by_role("link", name="Edytuj wpis w panelu administracyjnym")
    expect(link).to_be_visible()
    expect(link).to_have_text("Edytuj wpis w panelu administracyjnym")  # „Edytuj wpis” shown, the rest read out
    assert horizontal_overflow(page) == 0
    violations = run_axe(page)
    assert not violations, format_violations(violations)

    for _ in range(40):  # Tab through the header and the breadcrumbs to the link
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("The edit link cannot be reached with the Tab key.")
    assert focus_ring(page)["visible"]
    page.keyboard.press("Enter")

    page.wait_for_url(f"**/admin/news/post/{post.pk}/change/")
    expect(page.get_by_label("Tytuł:", exact=True)).to_have_value("Targi pracy w Nasielsku")

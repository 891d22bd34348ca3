import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import _new_page
from tests.browser.helpers import format_violations, run_axe

pytestmark = pytest.mark.browser

# Chromium as a resident's desktop browser introduces itself (a headless one says so and is not counted).
DESKTOP_CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"


def read(browser, live_server, post, *, times):
    context, resident = _new_page(browser, live_server, user_agent=DESKTOP_CHROME)
    for _ in range(times):
        response = resident.goto(post.get_absolute_url())
        expect(resident.get_by_role("heading", level=1)).to_have_text("Targi pracy w Nasielsku")
    expect(resident.locator(".metryczka")).to_contain_text("Liczba wyświetleń0 (aktualizowana co godzinę)")
    assert not [c for c in context.cookies() if c["name"] != "csrftoken"]  # nothing but the forms' token
    context.close()
    return response


def test_a_resident_reads_a_post_twice_and_an_editor_sees_the_count_at_once(
    browser, live_server, page, log_in, make_post, staff_in_role
):
    post = make_post(title="Targi pracy w Nasielsku")
    # Read twice: the second time the browser only asks whether its copy is still current
    # (304 Not Modified), which is not counted again.
    read(browser, live_server, post, times=2)
    # A neighbour reads it too, served from the page cache: counted.
    assert read(browser, live_server, post, times=1).headers["x-page-cache"] == "hit"

    # Each view is in the database at once: the panel shows it without waiting for the hour.
    log_in(page, staff_in_role("Redaktor"))
    page.goto("/admin/")
    most_read = page.get_by_role("region", name="Najczęściej czytane (30 dni)")
    expect(most_read.get_by_role("listitem")).to_have_text("Targi pracy w Nasielsku (wpis) – 2 wyświetlenia")
    violations = run_axe(page)
    assert not violations, format_violations(violations)
    most_read.get_by_role("link", name="Targi pracy w Nasielsku").click()
    page.wait_for_url(f"**/admin/news/post/{post.pk}/change/")
    expect(page.locator(".field-view_count")).to_contain_text(
        "2 wyświetlenia w ostatnich 30 dniach, 2 wyświetlenia od początku liczenia"
    )

    # The public page shows it in its metryczka once the hourly duties renewed the stored page.
    call_command("daily", "--every", "0")
    page.context.clear_cookies()
    page.goto(post.get_absolute_url())
    expect(page.locator(".metryczka")).to_contain_text("Liczba wyświetleń2 (aktualizowana co godzinę)")

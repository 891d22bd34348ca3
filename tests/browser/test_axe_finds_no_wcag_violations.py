import pytest

from tests.browser.helpers import format_violations, run_axe, visit

pytestmark = pytest.mark.browser


def test_every_page_type_has_no_wcag_2_1_aa_violations(page, site_content):
    failures = {}
    for name, target in site_content.items():
        visit(page, target)
        if page.locator("h1").count() != 1:
            failures[name] = "the page has no single level-one heading"
            continue
        violations = run_axe(page)
        if violations:
            failures[name] = format_violations(violations)
    report = "\n\n".join(f"{name}:\n{text}" for name, text in failures.items())
    assert not failures, "axe-core found WCAG 2.1 A/AA violations:\n\n" + report


def test_admin_login_page_has_no_violations(page):
    page.goto("/admin/login/")
    violations = run_axe(page)
    assert not violations, format_violations(violations)


def test_the_check_itself_catches_a_missing_alt_text_and_poor_contrast(page):
    page.goto("/")
    page.evaluate(
        """() => {
            const main = document.querySelector("main");
            main.insertAdjacentHTML("beforeend", '<img src="/static/brak.png">');
            main.insertAdjacentHTML("beforeend", '<p id="blady">Ten tekst jest za blady.</p>');
            document.getElementById("blady").style.color = "#ccc";
        }"""
    )
    found = {v["id"] for v in run_axe(page)}
    assert {"image-alt", "color-contrast"} <= found

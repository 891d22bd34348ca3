"""What the browser tests do again and again, written as a visitor's or an editor's actions."""

import re
from pathlib import Path

AXE_SOURCE = Path(__file__).with_name("axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STAFF_PASSWORD = "alice-haslo-123"  # the root conftest's alice


def run_axe(page):
    """Run axe-core's WCAG 2.0/2.1 A and AA rules on the page; return its violations."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())  # evaluated as a script: a CSP cannot block it
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary),
            }));
        }""",
        WCAG_TAGS,
    )


def format_violations(violations):
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']}")
        lines.extend(f"    {node}" for node in v["nodes"][:10])
    return "\n".join(lines)


def verify_email(user):
    """Give a user the verified, primary address allauth wants before it lets them log in."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    return user


def log_in_to_admin(page, user, password=STAFF_PASSWORD, next_url="/admin/"):
    """Staff log in through allauth's form, as the admin's login goes there."""
    verify_email(user)
    page.goto(f"/admin/login/?next={next_url}")
    form = page.locator("form", has=page.get_by_role("button", name=re.compile("Zaloguj", re.I)))
    form.get_by_label("Adres e-mail").fill(user.email)
    form.get_by_label("Hasło").fill(password)
    form.get_by_role("button", name=re.compile("Zaloguj", re.I)).click()
    page.wait_for_url(f"**{next_url}")


def visit(page, target):
    """Open one of site_content's pages: an address, or the steps that lead to it."""
    if callable(target):
        target(page)
    else:
        page.goto(target)


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than the window (0 = no horizontal scrolling)."""
    return page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth")


_axe = []


def _axe_source():
    if not _axe:
        _axe.append(AXE_SOURCE.read_text())
    return _axe[0]


def focus_ring(page):
    """What the focused element looks like: a visible outline (or box shadow) of at least 2 px."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
            const shadow = style.boxShadow && style.boxShadow !== "none";
            const label = (el.textContent || el.getAttribute("aria-label") || el.name || "").trim().slice(0, 40);
            return {key: el.tagName + ":" + label + ":" + (el.getAttribute("href") || ""), visible: outline || shadow};
        }"""
    )


# Whether the focused element can be seen: nothing (a banner, a sticky bar) lies over its middle.
FOCUS_IS_UNCOVERED = """() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return true;
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    return top !== null && (el === top || el.contains(top) || top.contains(el));
}"""

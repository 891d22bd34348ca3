"""{% breadcrumbs "Aktualności" "news:list" post.title %}: the trail from the home page to this one.

Arguments come in pairs of a label and where it leads (a URL name, a path, or an object with
get_absolute_url); a list of objects (a page's ancestors) stands for a pair per object, its
title and its address; a last label without a target is the current page. Renders
includes/breadcrumbs.html with the visible trail and its schema.org BreadcrumbList.
"""

from django import template
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

from core.links import absolute_url
from core.seo import json_ld

register = template.Library()


def _href(target):
    if hasattr(target, "get_absolute_url"):
        return target.get_absolute_url()
    target = str(target)
    if target.startswith("/"):
        return target
    try:
        return reverse(target)
    except NoReverseMatch:
        return None


@register.simple_tag(takes_context=True)
def breadcrumbs(context, *parts):
    # The page's own address (pages/context_processors.py): a preview names its item's public one.
    return _render(parts, context.get("here"))


def _render(parts, here):
    trail = [("Strona główna", reverse("home"))]
    expanded = []
    for part in parts:
        if isinstance(part, (list, tuple)):
            for obj in part:
                expanded += [str(obj), obj]
        else:
            expanded.append(part)
    parts = expanded
    while len(parts) >= 2:
        label, target = parts.pop(0), parts.pop(0)
        if label:
            trail.append((str(label), _href(target)))
    current = str(parts[0]) if parts and parts[0] else None
    if current is None and trail:
        current = trail.pop()[0]
    items = [
        {"@type": "ListItem", "position": n, "name": label, "item": absolute_url(href)}
        for n, (label, href) in enumerate(trail, start=1)
        if href
    ]
    if here:
        items.append({"@type": "ListItem", "position": len(items) + 1, "name": current, "item": absolute_url(here)})
    data = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}
    return render_to_string(
        "includes/breadcrumbs.html", {"trail": trail, "current": current, "breadcrumbs_json_ld": json_ld(data)}
    )


# django-allauth's pages share one layout: their names come from the URL name. Each is the page's
# heading and title too (templates/account/, templates/mfa/; accounts/tests/test_account_pages_have_one_name.py).
ACCOUNT_PAGES = {
    "account_login": "Logowanie",
    "account_signup": "Załóż konto",
    "account_logout": "Wyloguj się",
    "account_reset_password": "Nowe hasło",
    "account_reset_password_done": "Nowe hasło",
    "account_reset_password_from_key": "Nowe hasło",
    "account_reset_password_from_key_done": "Nowe hasło",
    "account_email_verification_sent": "Potwierdź adres e-mail",
    "account_confirm_email": "Potwierdź adres e-mail",
    "account_email": "Adres e-mail",
    "account_change_password": "Zmień hasło",
    "account_set_password": "Ustaw hasło",
    "account_inactive": "Konto nieaktywne",
    "account_reauthenticate": "Potwierdź dostęp",
    "account_confirm_login_code": "Kod logowania",
    "account_request_login_code": "Kod logowania",
    "mfa_index": "Weryfikacja dwuetapowa",
    "mfa_authenticate": "Logowanie dwuetapowe",
    "accounts:delete": "Usuń konto",
}


@register.simple_tag(takes_context=True)
def account_breadcrumbs(context):
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    name = match.view_name if match else ""
    if name == "accounts:dashboard":
        return breadcrumbs(context, "Moje konto")
    label = ACCOUNT_PAGES.get(name, "Konto")
    user = context.get("user")
    if user is not None and user.is_authenticated and name not in ("account_login", "account_signup"):
        return breadcrumbs(context, "Moje konto", "accounts:dashboard", label)
    return breadcrumbs(context, label)
